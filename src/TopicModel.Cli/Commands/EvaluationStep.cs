using TopicModel.DataPrep.Preparation;
using TopicModel.Evaluation.Harness;
using TopicModel.Evaluation.Reports;
using TopicModel.Training.Bundles;
using TopicModel.Training.Recipes;
using TopicModel.Training.Scoring;

namespace TopicModel.Cli.Commands;

/// <summary>The evaluation `evaluate` and `run` share: score the held-out papers, compare if asked, write the report folder.</summary>
public static class EvaluationStep
{
    public sealed record Outcome(EvaluationResult Result, ModelComparison? Comparison, ReportFiles Files);

    /// <summary>What the model is compared with on the same papers: another bundle, or the weak labeler it learned from.</summary>
    public sealed record Baseline(string Name, IPaperClassifier Classifier);

    /// <summary>The word `--compare` takes for the weak labeler instead of a bundle path.</summary>
    public const string RulesKeyword = "rules";

    /// <summary>The word `--compare` takes for a distilled bundle's own teacher.</summary>
    public const string TeacherKeyword = "teacher";

    public static Baseline Rules(PreparedData data) => new(WeakLabelClassifier.Name, new WeakLabelClassifier(data));

    public static Baseline Bundle(ModelBundle bundle, PreparedData data, Recipe recipe)
    {
        ModelBundleFile.RequireSameTopics(bundle, data.Taxonomy, recipe.TaxonomyPath);
        return new Baseline(bundle.Name, bundle.Classifier);
    }

    public static Outcome Run(Recipe recipe, PreparedData data, ModelBundle bundle, string outDir, bool includeLeaked, Baseline? baseline)
    {
        ModelBundleFile.RequireSameTopics(bundle, data.Taxonomy, recipe.TaxonomyPath);
        var options = EvaluationOptions.Default(recipe.Seed) with { IncludeLeaked = includeLeaked };
        var heldOut = EvaluationData.HeldOut(data);
        if (heldOut.Count == 0)
            throw new ML.TopicModelException("there are no held-out papers to evaluate: give data files or list data.heldOut in the recipe", recipe.SourcePath);
        var training = EvaluationData.Training(data);
        var result = Evaluator.Evaluate(bundle, heldOut, training, options);
        ModelComparison? comparison = null;
        if (baseline is not null)
        {
            var other = Evaluator.Evaluate(baseline.Name, baseline.Classifier, data.Taxonomy, heldOut, training, options with { ExplainedTerms = 0 }, sameData: result);
            comparison = ModelComparer.Compare(other, result, options.Bootstrap);
        }
        var files = recipe.Data.HeldOut.Select(Path.GetFileName).OfType<string>().ToArray();
        return new Outcome(result, comparison, ReportWriter.Write(outDir, result, comparison, files));
    }

    /// <summary>
    /// The recipe's forward test set (papers from a later period), evaluated like the held-out digests into
    /// <c>forward/</c> under <paramref name="outDir"/>; null when the recipe names none. It is read on its own,
    /// so nothing of it reaches training, and the baseline is built from the same read (the rules' labels of these papers).
    /// </summary>
    public static Outcome? RunForward(Recipe recipe, ModelBundle bundle, string outDir, bool includeLeaked,
        Func<PreparedData, Baseline?> baseline, CancellationToken cancellation)
    {
        if (recipe.Data.Forward.Count == 0) return null;
        var forward = recipe with { Data = recipe.Data with { HeldOut = recipe.Data.Forward } };
        var prepared = DataPreparation.Run(PrepCommand.ToInputs(forward), cancellation);
        return Run(forward, prepared, bundle, Path.Combine(outDir, ForwardFolder), includeLeaked, baseline(prepared));
    }

    /// <summary>How summaries name the forward test set.</summary>
    public const string ForwardTitle = "Forward test set (later period)";

    /// <summary>The forward test set's report folder, inside the held-out report's.</summary>
    public const string ForwardFolder = "forward";

    /// <summary>reports/&lt;model name&gt; under the recipe's reports folder.</summary>
    public static string DefaultFolder(Recipe recipe, ModelBundle bundle) => Path.Combine(recipe.Output.ReportsDirectory, bundle.Name);
}
