using TopicModel.ML.Data;

namespace TopicModel.ML.Trainers;

/// <summary>
/// Gradient-boosted decision trees (ML.NET's FastTree; the algorithm is LightGBM's histogram boosting).
/// Features are binned once; each iteration fits one regression tree per class to the gradients and
/// hessians of the softmax log-loss, grown leaf-wise (the leaf whose best split gains most is split next)
/// with Newton leaf values −G/(H+λ) shrunk by the learning rate. Histograms cost the non-zeros of a leaf's
/// rows, so sparse text features stay cheap. The trees of one iteration grow in parallel; each depends only
/// on its class and the seed, so the model is the same for any thread count.
/// </summary>
public sealed class FastTree : IMulticlassTrainer
{
    public const string TrainerName = "FastTree";

    public FastTree(FastTreeOptions? options = null)
    {
        Options = options ?? new FastTreeOptions();
        CheckOptions(Options, TrainerName);
    }

    public FastTreeOptions Options { get; }
    public string Name => TrainerName;

    public IMulticlassModel Fit(MulticlassDataset data) => FitModel(data);

    public IMulticlassModel Fit(MulticlassDataset data, CancellationToken cancellation) => FitModel(data, cancellation);

    /// <summary>As <see cref="Fit(MulticlassDataset)"/>, typed to expose the trees.</summary>
    public FastTreeModel FitModel(MulticlassDataset data, CancellationToken cancellation = default)
    {
        TrainingData.Check(data, TrainerName);
        var objective = new BoostingObjective.Softmax(data.Labels, data.Weights, data.ClassCount, TrainerName);
        var (prior, trees) = GradientBoosting.Fit(
            new RowSource(data.Rows), Enumerable.Range(0, data.Count).ToArray(), data.FeatureCount, objective, Options, TrainerName, cancellation);
        return new FastTreeModel(data.ClassNames, data.FeatureCount, prior, trees);
    }

    /// <summary>The checks every FastTree option makes, shared with <see cref="FastTreeBinary"/>.</summary>
    internal static void CheckOptions(FastTreeOptions o, string trainer)
    {
        if (o.NumberOfLeaves < 2)
            throw new TopicModelException($"{trainer}: NumberOfLeaves must be at least 2, not {o.NumberOfLeaves}");
        if (o.NumberOfTrees < 1)
            throw new TopicModelException($"{trainer}: NumberOfTrees must be at least 1, not {o.NumberOfTrees}");
        if (o.MinimumExampleCountPerLeaf < 1)
            throw new TopicModelException($"{trainer}: MinimumExampleCountPerLeaf must be at least 1, not {o.MinimumExampleCountPerLeaf}");
        if (!(o.LearningRate >= 0) || !float.IsFinite(o.LearningRate))
            throw new TopicModelException($"{trainer}: LearningRate must be a finite number ≥ 0, not {o.LearningRate}");
        if (o.MaximumBinCountPerFeature is < 2 or > 65536)
            throw new TopicModelException($"{trainer}: MaximumBinCountPerFeature must be from 2 to 65536, not {o.MaximumBinCountPerFeature}");
        if (!(o.L2Regularization >= 0) || !float.IsFinite(o.L2Regularization))
            throw new TopicModelException($"{trainer}: L2Regularization must be a finite number ≥ 0, not {o.L2Regularization}");
        if (!(o.FeatureFraction > 0 && o.FeatureFraction <= 1))
            throw new TopicModelException($"{trainer}: FeatureFraction must be in (0, 1], not {o.FeatureFraction}");
        if (!(o.RowFraction > 0 && o.RowFraction <= 1))
            throw new TopicModelException($"{trainer}: RowFraction must be in (0, 1], not {o.RowFraction}");
        if (o.EarlyStoppingRounds < 0)
            throw new TopicModelException($"{trainer}: EarlyStoppingRounds must be ≥ 0 (0 turns it off), not {o.EarlyStoppingRounds}");
        if (!(o.ValidationFraction > 0 && o.ValidationFraction < 1))
            throw new TopicModelException($"{trainer}: ValidationFraction must be in (0, 1), not {o.ValidationFraction}");
        if (o.NumberOfThreads is < 1)
            throw new TopicModelException($"{trainer}: NumberOfThreads must be at least 1, not {o.NumberOfThreads}");
    }
}
