namespace TopicModel.ML.AutoML;

/// <summary>One row of the leaderboard.</summary>
/// <param name="Number">1-based, in the order trials ran.</param>
/// <param name="Score">Mean over folds; <see cref="double.NegativeInfinity"/> when the trial failed.</param>
/// <param name="StandardDeviation">Across folds (population), 0 for a failed trial.</param>
/// <param name="Error">Why the trial failed, or null.</param>
public sealed record Trial(
    int Number,
    Configuration Configuration,
    double Score,
    double StandardDeviation,
    IReadOnlyList<double> FoldScores,
    IReadOnlyDictionary<string, double> Metrics,
    TimeSpan Elapsed,
    string? Error)
{
    public bool Failed => Error is not null;

    /// <summary>The score's standard error as the evaluation gave it (<see cref="TrialOutcome.StandardError"/>), or null.</summary>
    public double? ScoreStandardError { get; init; }
}
