using System.Globalization;
using TopicModel.ML;
using TopicModel.ML.Metrics;

namespace TopicModel.Evaluation.Harness;

/// <summary>Compares a candidate's evaluation with a baseline's on the same papers (paired over papers).</summary>
public static class ModelComparer
{
    public static ModelComparison Compare(EvaluationResult baseline, EvaluationResult candidate, BootstrapOptions options)
    {
        if (!baseline.PaperIds.SequenceEqual(candidate.PaperIds, StringComparer.Ordinal))
            throw new TopicModelException("the two models were not evaluated on the same papers in the same order");
        var result = PairedComparison.Compare(baseline.Predictions, candidate.Predictions, options);
        return new ModelComparison(baseline.ModelName, candidate.ModelName, result, Verdict(baseline.ModelName, candidate.ModelName, result));
    }

    /// <summary>A difference counts when its interval excludes 0; the verdict says so in words, with the numbers.</summary>
    public static string Verdict(string baseline, string candidate, PairedComparisonResult r)
    {
        var f1 = r.MacroF1;
        var level = (r.ConfidenceLevel * 100).ToString("0", CultureInfo.InvariantCulture);
        var numbers = string.Create(CultureInfo.InvariantCulture,
            $"macro-F1 {f1.Candidate:0.000} vs {f1.Baseline:0.000}, difference {f1.Difference:+0.000;-0.000;0.000} ({level}% CI {f1.Lower:+0.000;-0.000;0.000} to {f1.Upper:+0.000;-0.000;0.000}, p = {f1.PValue:0.000}); " +
            $"accuracy difference {r.MicroAccuracy.Difference:+0.000;-0.000;0.000}, McNemar exact p = {r.McNemar.ExactPValue:0.000}");
        var verdict = f1.Lower > 0 ? $"{candidate} is better than {baseline}"
            : f1.Upper < 0 ? $"{candidate} is worse than {baseline}"
            : $"no significant difference between {candidate} and {baseline}";
        return $"{verdict}: {numbers} over {r.ExampleCount} papers.";
    }
}
