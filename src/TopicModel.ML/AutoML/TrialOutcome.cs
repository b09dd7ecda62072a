namespace TopicModel.ML.AutoML;

/// <summary>What evaluating one configuration gave: the score the search maximizes, per fold, plus metrics to report.</summary>
public sealed record TrialOutcome(double Score, IReadOnlyList<double> FoldScores, IReadOnlyDictionary<string, double> Metrics);
