using System.Numerics.Tensors;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// A fitted <see cref="OneVersusAll"/> classifier: per class a linear score sₖ = wₖ·x + bₖ and a Platt
/// sigmoid pₖ = σ(slopeₖ·sₖ + offsetₖ); the probabilities are the pₖ divided by their sum. Immutable.
/// </summary>
public sealed class OneVersusAllModel : IMulticlassModel
{
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly float[] _slopes;
    private readonly float[] _offsets;
    private readonly string[] _classNames;

    /// <param name="binaryLearner">The binary learner's name, kept so a saved model says how it was made.</param>
    /// <param name="weights">Row-major [classes × features]: row k holds class k's weights.</param>
    public OneVersusAllModel(
        IReadOnlyList<string> classNames, int featureCount, string binaryLearner, float[] weights, float[] biases, float[] slopes, float[] offsets)
    {
        const string name = OneVersusAll.TrainerName;
        if (classNames.Count < 2)
            throw new TopicModelException($"{name}: a model needs at least two classes");
        if (featureCount < 0)
            throw new TopicModelException($"{name}: feature count {featureCount} is negative");
        if (binaryLearner is not (AveragedPerceptron.LearnerName or LinearSvm.LearnerName))
            throw new TopicModelException($"{name}: unknown binary learner '{binaryLearner}'");
        if (biases.Length != classNames.Count || slopes.Length != classNames.Count || offsets.Length != classNames.Count)
            throw new TopicModelException($"{name}: model has {classNames.Count} classes but {biases.Length} biases, {slopes.Length} slopes and {offsets.Length} offsets");
        if (weights.LongLength != (long)classNames.Count * featureCount)
            throw new TopicModelException($"{name}: model has {weights.LongLength} weights; expected {classNames.Count} classes × {featureCount} features");
        if (!TensorPrimitives.IsFiniteAll<float>(weights) || !TensorPrimitives.IsFiniteAll<float>(biases)
            || !TensorPrimitives.IsFiniteAll<float>(slopes) || !TensorPrimitives.IsFiniteAll<float>(offsets))
            throw new TopicModelException($"{name}: model weights or calibration contain NaN or infinity");
        _classNames = [.. classNames];
        FeatureCount = featureCount;
        BinaryLearner = binaryLearner;
        _weights = weights;
        _biases = biases;
        _slopes = slopes;
        _offsets = offsets;
    }

    public string TrainerName => OneVersusAll.TrainerName;
    public IReadOnlyList<string> ClassNames => _classNames;
    public int FeatureCount { get; }
    public string BinaryLearner { get; }

    public ReadOnlySpan<float> ClassWeights(int classIndex) => _weights.AsSpan(classIndex * FeatureCount, FeatureCount);

    /// <summary>The binary learners' raw scores (margins), one per class.</summary>
    public void Scores(SparseVector features, Span<float> scores)
    {
        if (features.Dimension != FeatureCount)
            throw new TopicModelException($"example has {features.Dimension} features; the model expects {FeatureCount}");
        if (scores.Length != _classNames.Length)
            throw new TopicModelException($"output has room for {scores.Length} classes; the model has {_classNames.Length}");
        for (var k = 0; k < _classNames.Length; k++)
            scores[k] = _biases[k] + SparseMath.Dot(features.Indices, features.Values, ClassWeights(k));
    }

    /// <summary>Class <paramref name="classIndex"/>'s calibrated probability for a score, before normalization across classes.</summary>
    public float Calibrated(int classIndex, float score) => 1f / (1f + MathF.Exp(-(_slopes[classIndex] * score + _offsets[classIndex])));

    /// <summary>
    /// Normalizes in log space: pₖ/Σp = softmax(log σ(zₖ)), and log σ(z) = −softplus(−z) stays finite
    /// where σ(z) itself underflows to 0 for every class.
    /// </summary>
    public void PredictProbabilities(SparseVector features, Span<float> probabilities)
    {
        Scores(features, probabilities);
        for (var k = 0; k < probabilities.Length; k++)
        {
            var z = _slopes[k] * probabilities[k] + _offsets[k];
            probabilities[k] = -(MathF.Max(-z, 0) + MathF.Log(1 + MathF.Exp(-MathF.Abs(z))));
        }
        MaximumEntropyModel.Softmax(probabilities);
    }

    /// <summary>weight·value of the class's own binary classifier, positive ones only: what raised its score.</summary>
    public IReadOnlyList<FeatureContribution> Explain(SparseVector features, int classIndex, int top)
    {
        FeatureContributions.CheckArguments(features, classIndex, top, _classNames.Length, FeatureCount);
        return FeatureContributions.Linear(ClassWeights(classIndex), features, top);
    }

    public void Save(BinaryWriter writer)
    {
        WeightMatrixFormat.WriteHeader(writer, _classNames, FeatureCount);
        writer.Write(BinaryLearner);
        foreach (var values in (float[][])[_biases, _slopes, _offsets])
        {
            foreach (var v in values) writer.Write(v);
        }
        WeightMatrixFormat.Write(writer, _weights, _classNames.Length, FeatureCount);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public static OneVersusAllModel Load(BinaryReader reader) => WeightMatrixFormat.Guard(OneVersusAll.TrainerName, () =>
    {
        var (names, featureCount) = WeightMatrixFormat.ReadHeader(reader, OneVersusAll.TrainerName);
        var learner = reader.ReadString();
        var biases = WeightMatrixFormat.ReadFloats(reader, names.Length);
        var slopes = WeightMatrixFormat.ReadFloats(reader, names.Length);
        var offsets = WeightMatrixFormat.ReadFloats(reader, names.Length);
        var weights = WeightMatrixFormat.Read(reader, names.Length, featureCount, OneVersusAll.TrainerName);
        return new OneVersusAllModel(names, featureCount, learner, weights, biases, slopes, offsets);
    });
}
