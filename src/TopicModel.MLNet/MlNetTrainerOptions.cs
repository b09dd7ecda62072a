namespace TopicModel.MLNet;

/// <summary>
/// Hyperparameters of the ML.NET trainers we search, under ML.NET's own names; each trainer reads the ones that
/// apply to it (<see cref="MlNetTrainer"/> lists which). Defaults are ML.NET's, except that every trainer runs on
/// one thread: with more, SDCA and the tree learners do not give the same model twice.
/// </summary>
public sealed record MlNetTrainerOptions
{
    /// <summary>SdcaMaximumEntropy, LbfgsMaximumEntropy: L2 penalty (null: ML.NET's default; SDCA picks one from the data).</summary>
    public float? L2Regularization { get; init; }

    /// <summary>SdcaMaximumEntropy, LbfgsMaximumEntropy: L1 penalty (null: ML.NET's default).</summary>
    public float? L1Regularization { get; init; }

    /// <summary>SdcaMaximumEntropy (passes, null: ML.NET's own choice), LbfgsMaximumEntropy (iterations).</summary>
    public int? MaximumNumberOfIterations { get; init; }

    /// <summary>LightGbm, OneVersusAllFastTree: leaves per tree.</summary>
    public int NumberOfLeaves { get; init; } = 20;

    /// <summary>LightGbm: boosting rounds; OneVersusAllFastTree: trees per class.</summary>
    public int NumberOfTrees { get; init; } = 100;

    public double LearningRate { get; init; } = 0.2;

    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>OneVersusAllLinearSvm: L2 penalty of each binary SVM (same objective as our LinearSvm's Lambda).</summary>
    public float Lambda { get; init; } = 0.001f;

    /// <summary>OneVersusAllLinearSvm: passes of Pegasos over the data (ML.NET's default is 1).</summary>
    public int NumberOfIterations { get; init; } = 1;

    public int Seed { get; init; }
}
