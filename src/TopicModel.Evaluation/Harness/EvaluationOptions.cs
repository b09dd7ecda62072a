using TopicModel.Evaluation.Leakage;
using TopicModel.ML.Metrics;

namespace TopicModel.Evaluation.Harness;

/// <summary>Everything an evaluation can be tuned by; the defaults are what `evaluate` uses.</summary>
/// <param name="IncludeLeaked">Score papers that also occur in the training data instead of leaving them out.</param>
/// <param name="ExplainedTerms">Terms listed per misclassified paper (the features that pushed it to the wrong topic).</param>
public sealed record EvaluationOptions(
    BootstrapOptions Bootstrap,
    MulticlassEvaluatorOptions Metrics,
    LeakageOptions Leakage,
    bool IncludeLeaked = false,
    int ExplainedTerms = 5)
{
    /// <summary>1,000 resamples, 95% intervals, 10 calibration bins, 5-shingles at Jaccard ≥ 0.5.</summary>
    public static EvaluationOptions Default(int seed) =>
        new(new BootstrapOptions { Seed = seed }, new MulticlassEvaluatorOptions(), new LeakageOptions());
}
