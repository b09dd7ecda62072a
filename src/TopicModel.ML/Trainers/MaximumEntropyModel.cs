using System.Numerics.Tensors;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// A fitted multinomial logistic regression (maximum entropy) classifier: one dense weight row and a
/// bias per class, probabilities by softmax. Both <see cref="SdcaMaximumEntropy"/> and
/// <see cref="LbfgsMaximumEntropy"/> produce it; <see cref="TrainerName"/> records which one.
/// Immutable, so predictions are safe from any number of threads.
/// </summary>
public sealed class MaximumEntropyModel : IMulticlassModel
{
    private readonly float[] _weights;
    // The same weights feature-major [features × classes], for prediction: a document's features then touch
    // one short row each instead of one scattered cell per class (a cache miss per class and feature).
    private readonly float[] _weightsByFeature;
    private readonly float[] _biases;
    private readonly string[] _classNames;

    /// <param name="weights">Row-major [classes × features]: row k holds class k's weights.</param>
    public MaximumEntropyModel(string trainerName, IReadOnlyList<string> classNames, int featureCount, float[] weights, float[] biases)
    {
        if (classNames.Count < 2)
            throw new TopicModelException("a maximum entropy model needs at least two classes");
        if (featureCount < 0)
            throw new TopicModelException($"feature count {featureCount} is negative");
        if (biases.Length != classNames.Count)
            throw new TopicModelException($"model has {classNames.Count} classes but {biases.Length} biases");
        if (weights.LongLength != (long)classNames.Count * featureCount)
            throw new TopicModelException($"model has {weights.LongLength} weights; expected {classNames.Count} classes × {featureCount} features");
        if (!TensorPrimitives.IsFiniteAll<float>(weights) || !TensorPrimitives.IsFiniteAll<float>(biases))
            throw new TopicModelException("model weights contain NaN or infinity");
        TrainerName = trainerName;
        _classNames = [.. classNames];
        FeatureCount = featureCount;
        _weights = weights;
        _biases = biases;
        var classCount = _classNames.Length;
        _weightsByFeature = new float[weights.Length];
        for (var k = 0; k < classCount; k++)
        {
            var row = weights.AsSpan(k * featureCount, featureCount);
            for (var j = 0; j < row.Length; j++) _weightsByFeature[j * classCount + k] = row[j];
        }
    }

    public string TrainerName { get; }
    public IReadOnlyList<string> ClassNames => _classNames;
    public int ClassCount => _classNames.Length;
    public int FeatureCount { get; }

    /// <summary>All weights, row-major [classes × features].</summary>
    public ReadOnlySpan<float> Weights => _weights;
    public ReadOnlySpan<float> Biases => _biases;

    public ReadOnlySpan<float> ClassWeights(int classIndex) => _weights.AsSpan(classIndex * FeatureCount, FeatureCount);

    /// <summary>Weights that are exactly zero do not count; L1 regularization drives this down.</summary>
    public long NonZeroWeightCount
    {
        get
        {
            long count = 0;
            foreach (var w in _weights)
            {
                if (w != 0f) count++;
            }
            return count;
        }
    }

    /// <summary>The unnormalized log-probabilities (bias + weights · features), one per class.</summary>
    public void Scores(SparseVector features, Span<float> scores)
    {
        CheckShapes(features, scores);
        var classCount = _classNames.Length;
        _biases.CopyTo(scores);
        var indices = features.Indices;
        var values = features.Values;
        for (var n = 0; n < indices.Length; n++)
            TensorPrimitives.MultiplyAdd(_weightsByFeature.AsSpan(indices[n] * classCount, classCount), values[n], scores, scores);
    }

    public void PredictProbabilities(SparseVector features, Span<float> probabilities)
    {
        Scores(features, probabilities);
        Softmax(probabilities);
    }

    /// <summary>The most probable class.</summary>
    public int Predict(SparseVector features)
    {
        Span<float> scores = _classNames.Length <= 256 ? stackalloc float[_classNames.Length] : new float[_classNames.Length];
        Scores(features, scores);
        return TensorPrimitives.IndexOfMax<float>(scores);
    }

    public IReadOnlyList<FeatureContribution> Explain(SparseVector features, int classIndex, int top)
    {
        if ((uint)classIndex >= (uint)_classNames.Length)
            throw new TopicModelException($"class {classIndex} is outside the model's {_classNames.Length} classes");
        if (top < 0)
            throw new TopicModelException($"cannot explain with the top {top} features");
        if (features.Dimension != FeatureCount)
            throw new TopicModelException($"example has {features.Dimension} features; the model expects {FeatureCount}");
        var row = ClassWeights(classIndex);
        var contributions = new List<FeatureContribution>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            var c = row[features.Indices[i]] * features.Values[i];
            if (c > 0f) contributions.Add(new FeatureContribution(features.Indices[i], c));
        }
        // Ties broken by feature index so explanations are stable across runs.
        contributions.Sort((a, b) => b.Contribution != a.Contribution ? b.Contribution.CompareTo(a.Contribution) : a.Feature.CompareTo(b.Feature));
        return contributions.Count > top ? contributions.GetRange(0, top) : contributions;
    }

    /// <summary>
    /// Each class row is stored sparsely (index, value pairs) when that is smaller than dense, which it is
    /// for L1-regularized models and for hashed feature spaces where most features never occur.
    /// </summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(_classNames.Length);
        foreach (var name in _classNames) writer.Write(name);
        writer.Write(FeatureCount);
        foreach (var b in _biases) writer.Write(b);
        for (var k = 0; k < _classNames.Length; k++)
        {
            var row = ClassWeights(k);
            var nonZero = row.Length - row.Count(0f);
            var sparse = (long)nonZero * 2 < row.Length;
            writer.Write(sparse);
            if (sparse)
            {
                writer.Write(nonZero);
                for (var j = 0; j < row.Length; j++)
                {
                    if (row[j] == 0f) continue;
                    writer.Write(j);
                    writer.Write(row[j]);
                }
            }
            else
            {
                foreach (var w in row) writer.Write(w);
            }
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote; <paramref name="trainerName"/> is the tag it was saved under.</summary>
    public static MaximumEntropyModel Load(BinaryReader reader, string trainerName)
    {
        try
        {
            return Read(reader, trainerName);
        }
        catch (EndOfStreamException e)
        {
            throw new TopicModelException($"{trainerName} weights are truncated", inner: e);
        }
    }

    private static MaximumEntropyModel Read(BinaryReader reader, string trainerName)
    {
        var classCount = reader.ReadInt32();
        if (classCount is < 2 or > 1_000_000)
            throw new TopicModelException($"{trainerName} weights are corrupt: {classCount} classes");
        var names = new string[classCount];
        for (var k = 0; k < classCount; k++) names[k] = reader.ReadString();
        var featureCount = reader.ReadInt32();
        if (featureCount < 0 || (long)featureCount * classCount > Array.MaxLength)
            throw new TopicModelException($"{trainerName} weights are corrupt: {featureCount} features");
        var biases = new float[classCount];
        for (var k = 0; k < classCount; k++) biases[k] = reader.ReadSingle();
        var weights = new float[(long)classCount * featureCount];
        for (var k = 0; k < classCount; k++)
        {
            var row = weights.AsSpan(k * featureCount, featureCount);
            if (reader.ReadBoolean())
            {
                var nonZero = reader.ReadInt32();
                if (nonZero < 0 || nonZero > featureCount)
                    throw new TopicModelException($"{trainerName} weights are corrupt: class {k} has {nonZero} non-zero weights");
                for (var i = 0; i < nonZero; i++)
                {
                    var j = reader.ReadInt32();
                    if ((uint)j >= (uint)featureCount)
                        throw new TopicModelException($"{trainerName} weights are corrupt: feature {j} of class {k} is out of range");
                    row[j] = reader.ReadSingle();
                }
            }
            else
            {
                for (var j = 0; j < featureCount; j++) row[j] = reader.ReadSingle();
            }
        }
        return new MaximumEntropyModel(trainerName, names, featureCount, weights, biases);
    }

    /// <summary>In-place softmax; shifting by the maximum keeps exp from overflowing.</summary>
    internal static void Softmax(Span<float> scores)
    {
        var max = TensorPrimitives.Max<float>(scores);
        TensorPrimitives.Subtract(scores, max, scores);
        TensorPrimitives.Exp(scores, scores);
        TensorPrimitives.Divide(scores, TensorPrimitives.Sum<float>(scores), scores);
    }

    private void CheckShapes(SparseVector features, Span<float> output)
    {
        if (features.Dimension != FeatureCount)
            throw new TopicModelException($"example has {features.Dimension} features; the model expects {FeatureCount}");
        if (output.Length != _classNames.Length)
            throw new TopicModelException($"output has room for {output.Length} classes; the model has {_classNames.Length}");
    }
}
