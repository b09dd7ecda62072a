namespace TopicModel.ML.Metrics;

/// <summary>
/// A metric of two models on the same examples and their difference, <see cref="Difference"/> =
/// candidate − baseline (positive: the candidate is better for accuracy-like metrics), with its paired
/// bootstrap percentile interval and two-sided <see cref="PValue"/> for "no difference".
/// </summary>
public sealed record MetricDifference(
    double Baseline,
    double Candidate,
    double Difference,
    double Lower,
    double Upper,
    double PValue);
