namespace TopicModel.ML.Trainers;

/// <summary>
/// Options of <see cref="SdcaMaximumEntropy"/>, named as in ML.NET's SdcaMaximumEntropy. The objective is
/// the example-weighted mean log-loss + L2Regularization/2·‖w‖² + L1Regularization·‖w‖₁.
/// </summary>
public sealed record SdcaMaximumEntropyOptions
{
    /// <summary>Must be above zero (the dual needs a strongly convex regularizer); null picks 1/examples clamped to [1e-6, 1e-4].</summary>
    public float? L2Regularization { get; init; }

    /// <summary>Applied by soft-thresholding the weights (proximal SDCA); above zero gives sparse weights.</summary>
    public float L1Regularization { get; init; }

    /// <summary>Stop when the duality gap is at most this fraction of the primal objective.</summary>
    public float ConvergenceTolerance { get; init; } = 0.1f;

    /// <summary>Passes over the data at most.</summary>
    public int MaximumNumberOfIterations { get; init; } = 100;

    /// <summary>Visit examples in a fresh seeded random order each pass, which speeds convergence on sorted data.</summary>
    public bool Shuffle { get; init; } = true;

    public int Seed { get; init; }

    /// <summary>
    /// 0 (the default) treats the bias as a constant feature, regularized like the weights. Above zero the
    /// bias is left unregularized and learned by stochastic gradient steps of this size instead.
    /// </summary>
    public float BiasLearningRate { get; init; }
}
