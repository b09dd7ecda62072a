namespace TopicModel.ML.AutoML;

/// <summary>Every trial in the order it ran, the best one, and why the search stopped.</summary>
public sealed record ExperimentResult(IReadOnlyList<Trial> Trials, Trial? Best, string StopReason, TimeSpan Elapsed, string Tuner)
{
    /// <summary>Trials best first; ties keep the earlier trial first, so the order is reproducible.</summary>
    public IReadOnlyList<Trial> Leaderboard => Trials.OrderByDescending(t => t.Score).ThenBy(t => t.Number).ToArray();
}
