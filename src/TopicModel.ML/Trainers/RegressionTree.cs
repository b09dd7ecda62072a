using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// One regression tree of a <see cref="FastTreeModel"/>. Internal node i sends an example left when its
/// value of <see cref="SplitFeature"/>(i) (0 when absent) is ≤ <see cref="Threshold"/>(i). A child index
/// c ≥ 0 is another internal node (always greater than its parent); c &lt; 0 is leaf ~c. Each internal node
/// also keeps the split's gain (for feature importance) and the value the tree would output had it stopped
/// there (for path attribution).
/// </summary>
public sealed class RegressionTree
{
    private readonly int[] _features;
    private readonly float[] _thresholds;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly float[] _gains;
    private readonly float[] _nodeValues;
    private readonly float[] _leafValues;

    internal RegressionTree(int[] features, float[] thresholds, int[] left, int[] right, float[] gains, float[] nodeValues, float[] leafValues)
    {
        _features = features;
        _thresholds = thresholds;
        _left = left;
        _right = right;
        _gains = gains;
        _nodeValues = nodeValues;
        _leafValues = leafValues;
    }

    public int InternalNodeCount => _features.Length;
    public int LeafCount => _leafValues.Length;
    public int SplitFeature(int node) => _features[node];
    public float Threshold(int node) => _thresholds[node];
    public int LeftChild(int node) => _left[node];
    public int RightChild(int node) => _right[node];
    public float SplitGain(int node) => _gains[node];
    public float NodeValue(int node) => _nodeValues[node];
    public float LeafValue(int leaf) => _leafValues[leaf];

    /// <summary>The leaf the example falls into.</summary>
    public int Leaf(SparseVector x) => Leaf(x.Indices, x.Values);

    /// <summary>The leaf of the example whose non-zeros are <paramref name="indices"/> (increasing) and <paramref name="values"/>.</summary>
    public int Leaf(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        if (_features.Length == 0) return 0;
        var node = 0;
        while (true)
        {
            var child = ValueOf(indices, values, _features[node]) <= _thresholds[node] ? _left[node] : _right[node];
            if (child < 0) return ~child;
            node = child;
        }
    }

    public float Output(SparseVector x) => _leafValues[Leaf(x)];

    public float Output(ReadOnlySpan<int> indices, ReadOnlySpan<float> values) => _leafValues[Leaf(indices, values)];

    /// <summary>
    /// Saabas path attribution: along the example's path each split's feature gets the change of the node
    /// value it caused; the contributions plus the root value add up to the leaf value.
    /// </summary>
    internal void AddContributions(SparseVector x, Dictionary<int, float> contributions)
    {
        if (_features.Length == 0) return;
        var node = 0;
        while (true)
        {
            var f = _features[node];
            var child = ValueOf(x, f) <= _thresholds[node] ? _left[node] : _right[node];
            var childValue = child < 0 ? _leafValues[~child] : _nodeValues[child];
            contributions[f] = contributions.GetValueOrDefault(f) + (childValue - _nodeValues[node]);
            if (child < 0) return;
            node = child;
        }
    }

    internal static float ValueOf(SparseVector x, int feature) => ValueOf(x.Indices, x.Values, feature);

    private static float ValueOf(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int feature)
    {
        var i = indices.BinarySearch(feature);
        return i >= 0 ? values[i] : 0f;
    }

    internal void Save(BinaryWriter writer)
    {
        writer.Write(_features.Length);
        for (var i = 0; i < _features.Length; i++)
        {
            writer.Write(_features[i]);
            writer.Write(_thresholds[i]);
            writer.Write(_left[i]);
            writer.Write(_right[i]);
            writer.Write(_gains[i]);
            writer.Write(_nodeValues[i]);
        }
        foreach (var v in _leafValues) writer.Write(v);
    }

    /// <summary>Reads what <see cref="Save"/> wrote and checks it is a proper tree over <paramref name="featureCount"/> features.</summary>
    internal static RegressionTree Load(BinaryReader reader, int featureCount, string what)
    {
        var internalCount = reader.ReadInt32();
        if (internalCount is < 0 or > 1 << 24)
            throw new TopicModelException($"{what} weights are corrupt: a tree has {internalCount} internal nodes");
        // Each internal node takes 24 bytes and each leaf 4: a count the file cannot hold is damage, not a huge tree.
        IO.BinaryBounds.Count(reader, internalCount, 28, $"{what} weights are corrupt: tree nodes");
        var features = new int[internalCount];
        var thresholds = new float[internalCount];
        var left = new int[internalCount];
        var right = new int[internalCount];
        var gains = new float[internalCount];
        var nodeValues = new float[internalCount];
        for (var i = 0; i < internalCount; i++)
        {
            features[i] = reader.ReadInt32();
            thresholds[i] = reader.ReadSingle();
            left[i] = reader.ReadInt32();
            right[i] = reader.ReadInt32();
            gains[i] = reader.ReadSingle();
            nodeValues[i] = reader.ReadSingle();
        }
        var leafValues = new float[internalCount + 1];
        for (var i = 0; i < leafValues.Length; i++) leafValues[i] = reader.ReadSingle();

        var leafSeen = new bool[leafValues.Length];
        var nodeSeen = new bool[internalCount];
        for (var i = 0; i < internalCount; i++)
        {
            if ((uint)features[i] >= (uint)featureCount)
                throw new TopicModelException($"{what} weights are corrupt: node {i} splits on feature {features[i]} of {featureCount}");
            if (float.IsNaN(thresholds[i]) || !float.IsFinite(gains[i]) || !float.IsFinite(nodeValues[i]))
                throw new TopicModelException($"{what} weights are corrupt: node {i} has a NaN or infinite value");
            foreach (var c in (ReadOnlySpan<int>)[left[i], right[i]])
            {
                var ok = c < 0 ? ~c < leafValues.Length && !leafSeen[~c] : c > i && c < internalCount && !nodeSeen[c];
                if (!ok)
                    throw new TopicModelException($"{what} weights are corrupt: node {i} has a bad child {c}");
                if (c < 0) leafSeen[~c] = true;
                else nodeSeen[c] = true;
            }
        }
        foreach (var v in leafValues)
        {
            if (!float.IsFinite(v))
                throw new TopicModelException($"{what} weights are corrupt: a leaf value is NaN or infinite");
        }
        return new RegressionTree(features, thresholds, left, right, gains, nodeValues, leafValues);
    }
}
