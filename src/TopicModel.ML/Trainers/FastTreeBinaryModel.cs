using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>A fitted <see cref="FastTreeBinary"/>: score = base score + Σ trees(x), the log-odds of the positive class. Immutable.</summary>
public sealed class FastTreeBinaryModel : IBinaryModel
{
    private readonly RegressionTree[] _trees;

    public FastTreeBinaryModel(int featureCount, float baseScore, RegressionTree[] trees)
    {
        if (!float.IsFinite(baseScore))
            throw new TopicModelException($"{FastTreeBinary.LearnerName}: the base score must be finite, not {baseScore}");
        FeatureCount = featureCount;
        BaseScore = baseScore;
        _trees = trees;
    }

    public int FeatureCount { get; }
    public float BaseScore { get; }
    public IReadOnlyList<RegressionTree> Trees => _trees;

    public float Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        var score = BaseScore;
        foreach (var tree in _trees) score += tree.Output(indices, values);
        return score;
    }

    /// <summary>Path attribution (Saabas) over the trees; only features present in the example, positive contributions.</summary>
    public IReadOnlyList<FeatureContribution> Explain(SparseVector features, int top) => FeatureContributions.Paths(_trees, features, top);

    internal void Save(BinaryWriter writer)
    {
        writer.Write(BaseScore);
        writer.Write(_trees.Length);
        foreach (var tree in _trees) tree.Save(writer);
    }

    internal static FastTreeBinaryModel Load(BinaryReader reader, int featureCount, string what)
    {
        var baseScore = reader.ReadSingle();
        var count = reader.ReadInt32();
        if (count is < 0 or > 1 << 24)
            throw new TopicModelException($"{what} weights are corrupt: {count} trees");
        var trees = new RegressionTree[count];
        for (var t = 0; t < count; t++) trees[t] = RegressionTree.Load(reader, featureCount, what);
        if (!float.IsFinite(baseScore))
            throw new TopicModelException($"{what} weights are corrupt: a base score is NaN or infinite");
        return new FastTreeBinaryModel(featureCount, baseScore, trees);
    }
}
