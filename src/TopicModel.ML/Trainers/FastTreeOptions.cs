namespace TopicModel.ML.Trainers;

/// <summary>
/// Options of <see cref="FastTree"/>, named as in ML.NET's FastTree (and LightGBM where ML.NET has no name).
/// The defaults are ML.NET's, cheap enough for a hyperparameter search to start from.
/// </summary>
public sealed record FastTreeOptions
{
    /// <summary>Leaves per tree; trees grow leaf-wise (best gain first) until they have this many or no split gains.</summary>
    public int NumberOfLeaves { get; init; } = 20;

    /// <summary>Boosting iterations; each adds one tree per class.</summary>
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>A split is allowed only if both sides keep at least this many (sampled) training examples.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>Shrinkage of every leaf value; 0 leaves the model at the class prior.</summary>
    public float LearningRate { get; init; } = 0.2f;

    /// <summary>Bins per feature, including the bin of the value zero (2 to 65536).</summary>
    public int MaximumBinCountPerFeature { get; init; } = 255;

    /// <summary>λ of the Newton leaf value −G/(H+λ) and of the split gain; ≥ 0.</summary>
    public float L2Regularization { get; init; } = 1f;

    /// <summary>Fraction of the features (drawn per tree) that may be split on; in (0, 1].</summary>
    public float FeatureFraction { get; init; } = 1f;

    /// <summary>Fraction of the training examples (drawn per iteration, without replacement) each iteration's trees see; in (0, 1].</summary>
    public float RowFraction { get; init; } = 1f;

    /// <summary>
    /// Stop when the log-loss on a held-out validation set has not improved for this many iterations, and
    /// keep the best iteration's trees; 0 turns early stopping off (and trains on every example).
    /// </summary>
    public int EarlyStoppingRounds { get; init; }

    /// <summary>Fraction of the examples held out (seeded) as the early stopping validation set; in (0, 1).</summary>
    public float ValidationFraction { get; init; } = 0.1f;

    /// <summary>Trees of one iteration (one per class) are grown in parallel on up to this many threads; null uses every core.</summary>
    public int? NumberOfThreads { get; init; }

    public int Seed { get; init; }
}
