using System.CommandLine;
using TopicModel.Cli.Rendering;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Preparation;
using TopicModel.Training.Bundles;
using TopicModel.Training.Recipes;

namespace TopicModel.Cli.Commands;

/// <summary>
/// `topicmodel evaluate`: score held-out papers with a bundle and compare with their labels (reviewed where
/// present, weak otherwise); metrics with bootstrap intervals, leakage check, optional comparison with a second bundle.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var recipeOption = RecipeOption.Create();
        var model = new Option<string?>("--model", "-m") { Description = "The model bundle to evaluate [default: the recipe's models/<name>.zip]." };
        var data = new Argument<string[]>("data")
        {
            Description = "Digests, JSONL or CSV files, folders or quoted globs to evaluate on [default: the recipe's held-out digests, and its forward test set into <out>/forward].",
            Arity = ArgumentArity.ZeroOrMore,
        }.RejectingUnknownOptions();
        var outOption = new Option<string?>("--out") { Description = "Report folder [default: <recipe reports>/<model name>]." };
        var digestYear = DigestYearOption.Create();
        var includeLeaked = new Option<bool>("--include-leaked") { Description = "Also score papers that occur in the training data (they are listed and excluded by default)." };
        var compare = new Option<string?>("--compare")
        {
            Description = $"The baseline: a second bundle, '{EvaluationStep.RulesKeyword}' for the weak labeler the model learned from, or '{EvaluationStep.TeacherKeyword}' for a distilled bundle's teacher (a bundle file named so: ./{EvaluationStep.RulesKeyword}). Paired bootstrap and McNemar test of the difference.",
        };
        var accurate = AccurateOption.Create("Evaluate the bundle's teacher (sentence vectors) instead of its distilled student.");
        var command = new Command("evaluate", "Measure a model on held-out papers: metrics with 95% intervals, confusion matrix, calibration, errors, leakage; writes metrics.json, report.md and report.html.")
        {
            recipeOption, model, data, outOption, includeLeaked, compare, digestYear, accurate,
        };
        command.SetAction((parse, cancellation) =>
        {
            var recipe = RecipeReader.Read(parse.GetValue(recipeOption)!);
            var files = InputFiles.Expand(parse.GetValue(data) ?? []);
            if (files.Count > 0) recipe = recipe with { Data = recipe.Data with { HeldOut = files.Select(Path.GetFullPath).ToArray() } };
            if (parse.GetValue(digestYear) is { } year) recipe = recipe with { Data = recipe.Data with { DigestYear = year } };
            var loaded = ModelBundleFile.Load(parse.GetValue(model) ?? RecipeOption.DefaultBundle(recipe));
            var bundle = AccurateOption.Select(loaded, parse.GetValue(accurate));
            var compareWith = parse.GetValue(compare);
            // "teacher": the student against the teacher it learned from, on the same papers.
            var baselineBundle = compareWith switch
            {
                null or EvaluationStep.RulesKeyword => null,
                EvaluationStep.TeacherKeyword => loaded.AsTeacher(),
                _ => ModelBundleFile.Load(compareWith),
            };
            var outDir = parse.GetValue(outOption) is { } o ? Path.GetFullPath(o) : EvaluationStep.DefaultFolder(recipe, bundle);
            // An unwritable report folder fails now, not after the evaluation's work.
            ML.IO.AtomicFile.CreateDirectory(outDir);
            var prepared = DataPreparation.Run(PrepCommand.ToInputs(recipe), cancellation);
            var baseline = compareWith == EvaluationStep.RulesKeyword ? EvaluationStep.Rules(prepared)
                : baselineBundle is null ? null : EvaluationStep.Bundle(baselineBundle, prepared, recipe);
            var outcome = EvaluationStep.Run(recipe, prepared, bundle, outDir, parse.GetValue(includeLeaked), baseline);
            var console = Terminal.Create(stdout);
            EvaluationSummary.Render(console, outcome.Result, outcome.Comparison, outcome.Files);
            // Data files on the command line replace the recipe's test sets, the forward one included.
            var forward = files.Count > 0 ? null : EvaluationStep.RunForward(recipe, bundle, outDir, parse.GetValue(includeLeaked),
                p => compareWith == EvaluationStep.RulesKeyword ? EvaluationStep.Rules(p)
                    : baselineBundle is null ? null : EvaluationStep.Bundle(baselineBundle, p, recipe), cancellation);
            if (forward is not null) EvaluationSummary.Render(console, forward.Result, forward.Comparison, forward.Files, EvaluationStep.ForwardTitle);
            return Task.FromResult(RejectsExit(prepared, stderr));
        });
        return command;
    }

    /// <summary>Reports rejected input records and maps them to exit code 1.</summary>
    public static int RejectsExit(PreparedData data, TextWriter stderr)
    {
        foreach (var r in data.Rejects.Take(10)) stderr.WriteLine($"rejected: {r.File}:{r.Line}: {r.Reason}");
        return data.Rejects.Count > 0 ? ExitCodes.CompletedWithRejects : ExitCodes.Ok;
    }
}
