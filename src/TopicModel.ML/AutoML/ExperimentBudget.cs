namespace TopicModel.ML.AutoML;

/// <summary>
/// When a search stops: after <see cref="Time"/> (no trial starts later, so the overrun is at most one
/// trial), after <see cref="MaxTrials"/> trials, or both, whichever comes first. A trial limit alone makes a search reproducible.
/// </summary>
public sealed record ExperimentBudget(TimeSpan? Time, int? MaxTrials)
{
    public void Validate()
    {
        if (Time is null && MaxTrials is null)
            throw new TopicModelException("a search needs a time budget, a trial limit, or both");
        if (Time is { } t && t <= TimeSpan.Zero)
            throw new TopicModelException($"the time budget must be positive, got {t.TotalSeconds} s");
        if (MaxTrials is < 1)
            throw new TopicModelException($"the trial limit must be at least 1, got {MaxTrials}");
    }
}
