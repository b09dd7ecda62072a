namespace TopicModel.ML.Metrics;

/// <summary>Options of <see cref="MulticlassEvaluator"/> and of the bootstrap that reuses its definitions.</summary>
public sealed record MulticlassEvaluatorOptions
{
    /// <summary>Equal-width bins of the top probability for the calibration error and reliability curve.</summary>
    public int CalibrationBinCount { get; init; } = 10;

    internal void Validate()
    {
        if (CalibrationBinCount < 1)
            throw new TopicModelException($"CalibrationBinCount must be at least 1, got {CalibrationBinCount}.");
    }
}
