namespace TopicModel.ML.Metrics;

/// <summary>Options of the percentile bootstrap over examples.</summary>
public sealed record BootstrapOptions
{
    /// <summary>Number of resamples (B); each draws N examples with replacement.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Coverage of the two-sided percentile interval.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Resample b draws from its own stream derived from (Seed, b), so results do not depend on thread count.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>0 = all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        if (Resamples < 1)
            throw new TopicModelException($"Bootstrap Resamples must be at least 1, got {Resamples}.");
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
            throw new TopicModelException($"Bootstrap ConfidenceLevel must be strictly between 0 and 1, got {ConfidenceLevel}.");
        if (MaxDegreeOfParallelism < 0)
            throw new TopicModelException($"Bootstrap MaxDegreeOfParallelism must be 0 (all cores) or positive, got {MaxDegreeOfParallelism}.");
    }
}
