namespace TopicModel.ML.Metrics;

/// <summary>Paired comparison of a candidate model against a baseline on the same examples.</summary>
public sealed record PairedComparisonResult(
    int ExampleCount,
    int Resamples,
    double ConfidenceLevel,
    int Seed,
    MetricDifference MicroAccuracy,
    MetricDifference MacroF1,
    McNemarTest McNemar);
