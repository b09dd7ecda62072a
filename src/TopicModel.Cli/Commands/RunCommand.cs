using System.CommandLine;
using Spectre.Console;
using TopicModel.Cli.Rendering;
using TopicModel.ML.IO;
using TopicModel.Training.Recipes;
using TopicModel.Training.Scoring;

namespace TopicModel.Cli.Commands;

/// <summary>`topicmodel run`: the whole job on the recipe: prep -> train -> evaluate the held-out digests -> score them.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var recipeOption = RecipeOption.Create();
        var command = new Command("run", "Prepare, train, evaluate on the held-out digests (and compare with the weak labeler) and score them, as train.json says; ends with a summary and the report path.")
        {
            recipeOption,
        };
        command.SetAction((parse, cancellation) =>
        {
            var recipe = RecipeReader.Read(parse.GetValue(recipeOption)!);
            if (recipe.Data.HeldOut.Count == 0)
                throw new ML.TopicModelException("$.data.heldOut: `run` evaluates on held-out digests; list at least one", recipe.SourcePath);
            var console = Terminal.Create(stdout);
            var trained = TrainCommand.Train(recipe, console, stderr, cancellation);
            console.WriteLine($"Trained {trained.Bundle.Name} on {trained.TrainingPapers} papers in {trained.Elapsed.TotalSeconds:0.0} s: {trained.BundlePath}");
            if (trained.Search.StopReason == "interrupted")
            {
                // Ctrl+C during the search: the bundle is kept (as `train` does), but evaluating it was not asked for.
                stderr.WriteLine("interrupted: the search stopped early; the bundle holds the best pipeline found so far (not evaluated)");
                return Task.FromResult(ExitCodes.Interrupted);
            }

            var outDir = EvaluationStep.DefaultFolder(recipe, trained.Bundle);
            console.MarkupLine($"[grey]evaluating on {string.Join(", ", recipe.Data.HeldOut.Select(f => Markup.Escape(Path.GetFileName(f))))}[/]");
            // The question the product answers: does the model beat the rules it learned from, on digests it never saw?
            var outcome = EvaluationStep.Run(recipe, trained.Data, trained.Bundle, outDir, includeLeaked: false, EvaluationStep.Rules(trained.Data));
            cancellation.ThrowIfCancellationRequested();
            var forward = EvaluationStep.RunForward(recipe, trained.Bundle, outDir, includeLeaked: false, EvaluationStep.Rules, cancellation);
            cancellation.ThrowIfCancellationRequested();
            // A distilled bundle scores with its student; its teacher (score --accurate) is reported beside it, in teacher/.
            EvaluationStep.Outcome? teacherOutcome = null, teacherForward = null;
            if (trained.Bundle.HasTeacher)
            {
                var teacher = trained.Bundle.AsTeacher();
                var teacherDir = Path.Combine(outDir, EvaluationStep.TeacherKeyword);
                teacherOutcome = EvaluationStep.Run(recipe, trained.Data, teacher, teacherDir, includeLeaked: false, EvaluationStep.Rules(trained.Data));
                cancellation.ThrowIfCancellationRequested();
                teacherForward = EvaluationStep.RunForward(recipe, teacher, teacherDir, includeLeaked: false, EvaluationStep.Rules, cancellation);
                cancellation.ThrowIfCancellationRequested();
            }

            var scored = Path.Combine(outDir, "scored.jsonl");
            ScoringSummary summary = null!;
            AtomicFile.WriteText(Path.Combine(outDir, "scored.rejects.jsonl"), rejects =>
                AtomicFile.Write(scored, stream =>
                    summary = BatchScorer.Score(recipe.Data.HeldOut, trained.Bundle, stream, rejects, new ScoringOptions(), cancellation: cancellation)));

            EvaluationSummary.Render(console, outcome.Result, outcome.Comparison, outcome.Files);
            if (forward is not null) EvaluationSummary.Render(console, forward.Result, forward.Comparison, forward.Files, EvaluationStep.ForwardTitle);
            if (teacherOutcome is not null) EvaluationSummary.Render(console, teacherOutcome.Result, teacherOutcome.Comparison, teacherOutcome.Files, "Teacher (score --accurate)");
            if (teacherForward is not null) EvaluationSummary.Render(console, teacherForward.Result, teacherForward.Comparison, teacherForward.Files, "Teacher (score --accurate), " + EvaluationStep.ForwardTitle);
            console.WriteLine($"Scored {summary.Scored} held-out papers: {scored}");
            // TrainCommand.Train already listed the rejected input records.
            return Task.FromResult(summary.Rejected > 0 || trained.Data.Rejects.Count > 0 ? ExitCodes.CompletedWithRejects : ExitCodes.Ok);
        });
        return command;
    }
}
