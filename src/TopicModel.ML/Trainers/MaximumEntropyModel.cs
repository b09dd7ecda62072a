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
        FeatureContributions.CheckArguments(features, classIndex, top, _classNames.Length, FeatureCount);
        return FeatureContributions.Linear(ClassWeights(classIndex), features, top);
    }

    /// <summary>Class names, feature count, biases, then the weight rows (<see cref="WeightMatrixFormat"/>).</summary>
    public void Save(BinaryWriter writer)
    {
        WeightMatrixFormat.WriteHeader(writer, _classNames, FeatureCount);
        foreach (var b in _biases) writer.Write(b);
        WeightMatrixFormat.Write(writer, _weights, _classNames.Length, FeatureCount);
    }

    /// <summary>Reads what <see cref="Save"/> wrote; <paramref name="trainerName"/> is the tag it was saved under.</summary>
    public static MaximumEntropyModel Load(BinaryReader reader, string trainerName) => WeightMatrixFormat.Guard(trainerName, () =>
    {
        var (names, featureCount) = WeightMatrixFormat.ReadHeader(reader, trainerName);
        var biases = WeightMatrixFormat.ReadFloats(reader, names.Length);
        var weights = WeightMatrixFormat.Read(reader, names.Length, featureCount, trainerName);
        return new MaximumEntropyModel(trainerName, names, featureCount, weights, biases);
    });

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
