namespace TopicModel.ML.AutoML;

/// <summary>What evaluating one configuration gave: the score the search maximizes, per fold, plus metrics to report.</summary>
public sealed record TrialOutcome(double Score, IReadOnlyList<double> FoldScores, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>
    /// The score's standard error when the evaluation can say it better than the spread of <see cref="FoldScores"/>
    /// (a score that is not the mean of those folds); null: the folds' standard error.
    /// </summary>
    public double? StandardError { get; init; }
}
