using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// A fitted <see cref="FastTree"/> classifier: score(c) = prior(c) + Σ over iterations of tree(iteration, c)(x),
/// probabilities by softmax of the scores. Immutable, so predictions are safe from any number of threads.
/// </summary>
public sealed class FastTreeModel : IMulticlassModel
{
    private readonly string[] _classNames;
    private readonly float[] _prior;
    private readonly RegressionTree[] _trees;

    /// <param name="prior">The starting score of each class (log of its training frequency).</param>
    /// <param name="trees">Iteration-major: tree t belongs to class t % classes.</param>
    public FastTreeModel(IReadOnlyList<string> classNames, int featureCount, float[] prior, RegressionTree[] trees)
    {
        if (classNames.Count < 2)
            throw new TopicModelException($"{FastTree.TrainerName}: a model needs at least two classes");
        if (featureCount < 0)
            throw new TopicModelException($"{FastTree.TrainerName}: feature count {featureCount} is negative");
        if (prior.Length != classNames.Count || prior.Any(p => !float.IsFinite(p)))
            throw new TopicModelException($"{FastTree.TrainerName}: the model needs a finite prior score for each of its {classNames.Count} classes");
        if (trees.Length % classNames.Count != 0)
            throw new TopicModelException($"{FastTree.TrainerName}: {trees.Length} trees is not a whole number of iterations of {classNames.Count} classes");
        _classNames = [.. classNames];
        FeatureCount = featureCount;
        _prior = prior;
        _trees = trees;
    }

    public string TrainerName => FastTree.TrainerName;
    public IReadOnlyList<string> ClassNames => _classNames;
    public int FeatureCount { get; }

    /// <summary>Boosting iterations kept (after early stopping); the model has this many trees per class.</summary>
    public int IterationCount => _trees.Length / _classNames.Length;

    public ReadOnlySpan<float> Prior => _prior;

    /// <summary>The tree of <paramref name="classIndex"/> added at <paramref name="iteration"/>.</summary>
    public RegressionTree Tree(int iteration, int classIndex) => _trees[iteration * _classNames.Length + classIndex];

    /// <summary>The raw per-class scores (before softmax).</summary>
    public void PredictScores(SparseVector features, Span<float> scores)
    {
        CheckShapes(features, scores);
        _prior.CopyTo(scores);
        var classes = _classNames.Length;
        for (var t = 0; t < _trees.Length; t++) scores[t % classes] += _trees[t].Output(features);
    }

    public void PredictProbabilities(SparseVector features, Span<float> probabilities)
    {
        PredictScores(features, probabilities);
        MaximumEntropyModel.Softmax(probabilities);
    }

    /// <summary>Total split gain of each feature over every tree (LightGBM's importance_type=gain).</summary>
    public float[] FeatureImportance()
    {
        var importance = new double[FeatureCount];
        foreach (var tree in _trees)
        {
            for (var i = 0; i < tree.InternalNodeCount; i++) importance[tree.SplitFeature(i)] += tree.SplitGain(i);
        }
        return [.. importance.Select(v => (float)v)];
    }

    /// <summary>
    /// Path attribution (Saabas) summed over the class's trees: how much each of the example's features moved
    /// the score of <paramref name="classIndex"/> along the paths it took (<see cref="FeatureContributions.Paths"/>).
    /// </summary>
    public IReadOnlyList<FeatureContribution> Explain(SparseVector features, int classIndex, int top)
    {
        FeatureContributions.CheckArguments(features, classIndex, top, _classNames.Length, FeatureCount);
        var trees = new RegressionTree[IterationCount];
        for (var t = 0; t < trees.Length; t++) trees[t] = Tree(t, classIndex);
        return FeatureContributions.Paths(trees, features, top);
    }

    public void Save(BinaryWriter writer)
    {
        WeightMatrixFormat.WriteHeader(writer, _classNames, FeatureCount);
        foreach (var p in _prior) writer.Write(p);
        writer.Write(IterationCount);
        foreach (var tree in _trees) tree.Save(writer);
    }

    /// <summary>Reads what <see cref="Save"/> wrote, validating every tree.</summary>
    public static FastTreeModel Load(BinaryReader reader) => WeightMatrixFormat.Guard(FastTree.TrainerName, () =>
    {
        var (names, featureCount) = WeightMatrixFormat.ReadHeader(reader, FastTree.TrainerName);
        var prior = WeightMatrixFormat.ReadFloats(reader, names.Length);
        var iterations = reader.ReadInt32();
        if (iterations < 0 || (long)iterations * names.Length > 1 << 24)
            throw new TopicModelException($"{FastTree.TrainerName} weights are corrupt: {iterations} iterations");
        var trees = new RegressionTree[iterations * names.Length];
        for (var t = 0; t < trees.Length; t++) trees[t] = RegressionTree.Load(reader, featureCount, FastTree.TrainerName);
        return new FastTreeModel(names, featureCount, prior, trees);
    });

    private void CheckShapes(SparseVector features, Span<float> output)
    {
        if (features.Dimension != FeatureCount)
            throw new TopicModelException($"example has {features.Dimension} features; the model expects {FeatureCount}");
        if (output.Length != _classNames.Length)
            throw new TopicModelException($"output has room for {output.Length} classes; the model has {_classNames.Length}");
    }
}
