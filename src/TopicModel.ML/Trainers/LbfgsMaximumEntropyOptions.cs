namespace TopicModel.ML.Trainers;

/// <summary>
/// Options of <see cref="LbfgsMaximumEntropy"/>, named and defaulted as in ML.NET's LbfgsMaximumEntropy.
/// The objective is the example-weighted sum (not mean) of log-losses plus
/// L2Regularization/2·‖W‖² + L1Regularization·‖W‖₁; biases are not regularized.
/// </summary>
public sealed record LbfgsMaximumEntropyOptions
{
    public float L2Regularization { get; init; } = 1f;

    /// <summary>Above zero, OWL-QN drives weights of uninformative features to exactly zero.</summary>
    public float L1Regularization { get; init; } = 1f;

    /// <summary>Stop when the objective's mean relative decrease over the last iterations falls below this.</summary>
    public float OptimizationTolerance { get; init; } = 1e-7f;

    /// <summary>How many past steps approximate the curvature; memory is 2·HistorySize·classes·features doubles.</summary>
    public int HistorySize { get; init; } = 20;

    public int MaximumNumberOfIterations { get; init; } = int.MaxValue;

    /// <summary>Initial weights are drawn uniformly from [−d/2, d/2]; 0 starts from all zeros.</summary>
    public float InitialWeightsDiameter { get; init; }

    /// <summary>Seeds the initial weights when <see cref="InitialWeightsDiameter"/> is above zero.</summary>
    public int Seed { get; init; }
}
