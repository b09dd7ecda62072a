namespace TopicModel.ML.AutoML;

/// <summary>Every trial in the order it ran, the best one, and why the search stopped.</summary>
/// <param name="Best">The trial to ship: the top score, or what a selection rule picked (<see cref="Selection"/>).</param>
public sealed record ExperimentResult(IReadOnlyList<Trial> Trials, Trial? Best, string StopReason, TimeSpan Elapsed, string Tuner)
{
    /// <summary>Why <see cref="Best"/> was picked, in words, when a selection rule picked it; null: the top score.</summary>
    public string? Selection { get; init; }

    /// <summary>Trials best first; ties keep the earlier trial first, so the order is reproducible.</summary>
    public IReadOnlyList<Trial> Leaderboard => Trials.OrderByDescending(t => t.Score).ThenBy(t => t.Number).ToArray();
}
