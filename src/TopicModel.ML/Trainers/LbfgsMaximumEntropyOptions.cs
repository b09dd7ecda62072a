namespace TopicModel.ML.Trainers;

/// <summary>
/// Options of <see cref="LbfgsMaximumEntropy"/>, named as in ML.NET's LbfgsMaximumEntropy. As there, the
/// objective is the example-weighted sum (not mean) of log-losses plus
/// L2Regularization/2·‖W‖² + L1Regularization·‖W‖₁, biases not regularized, so the right strength grows
/// with the amount of data.
/// </summary>
/// <remarks>
/// ML.NET defaults both regularizers to 1, tuned for large data; on a digest of ~200 papers that keeps only
/// a few dozen weights and halves held-out accuracy, so the defaults here are 0.1 and 0.03.
/// </remarks>
public sealed record LbfgsMaximumEntropyOptions
{
    public float L2Regularization { get; init; } = 0.1f;

    /// <summary>Above zero, OWL-QN drives weights of uninformative features to exactly zero.</summary>
    public float L1Regularization { get; init; } = 0.03f;

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
