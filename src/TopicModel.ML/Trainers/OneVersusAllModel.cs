using System.Numerics.Tensors;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// A fitted <see cref="OneVersusAll"/> classifier: per class a binary score sₖ (linear wₖ·x + bₖ, or boosted
/// trees' log-odds) and a Platt sigmoid pₖ = σ(slopeₖ·sₖ + offsetₖ); the probabilities are the pₖ divided by
/// their sum. Immutable.
/// </summary>
public sealed class OneVersusAllModel : IMulticlassModel
{
    private readonly IBinaryModel[] _classifiers;
    private readonly float[] _slopes;
    private readonly float[] _offsets;
    private readonly string[] _classNames;

    /// <summary>A model of linear binary classifiers.</summary>
    /// <param name="binaryLearner">The binary learner's name, kept so a saved model says how it was made.</param>
    /// <param name="weights">Row-major [classes × features]: row k holds class k's weights.</param>
    public OneVersusAllModel(
        IReadOnlyList<string> classNames, int featureCount, string binaryLearner, float[] weights, float[] biases, float[] slopes, float[] offsets)
        : this(classNames, featureCount, binaryLearner, LinearClassifiers(classNames, featureCount, binaryLearner, weights, biases), slopes, offsets)
    {
    }

    /// <summary>A model of any binary classifiers, one per class, of the kind <paramref name="binaryLearner"/> fits.</summary>
    public OneVersusAllModel(
        IReadOnlyList<string> classNames, int featureCount, string binaryLearner, IReadOnlyList<IBinaryModel> classifiers, float[] slopes, float[] offsets)
    {
        const string name = OneVersusAll.TrainerName;
        if (classNames.Count < 2)
            throw new TopicModelException($"{name}: a model needs at least two classes");
        if (featureCount < 0)
            throw new TopicModelException($"{name}: feature count {featureCount} is negative");
        if (binaryLearner is not (AveragedPerceptron.LearnerName or LinearSvm.LearnerName or FastTreeBinary.LearnerName))
            throw new TopicModelException($"{name}: unknown binary learner '{binaryLearner}'");
        if (classifiers.Count != classNames.Count || slopes.Length != classNames.Count || offsets.Length != classNames.Count)
            throw new TopicModelException($"{name}: model has {classNames.Count} classes but {classifiers.Count} classifiers, {slopes.Length} slopes and {offsets.Length} offsets");
        var trees = binaryLearner == FastTreeBinary.LearnerName;
        if (classifiers.Any(c => trees ? c is not FastTreeBinaryModel t || t.FeatureCount != featureCount : c is not LinearBinaryModel l || l.Weights.Length != featureCount))
            throw new TopicModelException($"{name}: every classifier must be what {binaryLearner} fits, over {featureCount} features");
        if (!TensorPrimitives.IsFiniteAll<float>(slopes) || !TensorPrimitives.IsFiniteAll<float>(offsets))
            throw new TopicModelException($"{name}: model weights or calibration contain NaN or infinity");
        _classNames = [.. classNames];
        FeatureCount = featureCount;
        BinaryLearner = binaryLearner;
        _classifiers = [.. classifiers];
        _slopes = slopes;
        _offsets = offsets;
        _byFeature = new Lazy<FeatureMajorWeights?>(() => trees ? null : FeatureMajorWeights.Of(_classifiers.Cast<LinearBinaryModel>().ToArray(), featureCount));
    }

    /// <summary>The linear classifiers' weights feature by feature, for scoring (built on first use; null for trees).</summary>
    private readonly Lazy<FeatureMajorWeights?> _byFeature;

    public string TrainerName => OneVersusAll.TrainerName;
    public IReadOnlyList<string> ClassNames => _classNames;
    public int FeatureCount { get; }
    public string BinaryLearner { get; }

    /// <summary>Class <paramref name="classIndex"/>'s binary classifier.</summary>
    public IBinaryModel Classifier(int classIndex) => _classifiers[classIndex];

    /// <summary>Class <paramref name="classIndex"/>'s weights, for a model of linear classifiers.</summary>
    public ReadOnlySpan<float> ClassWeights(int classIndex) => _classifiers[classIndex] is LinearBinaryModel linear
        ? linear.Weights
        : throw new TopicModelException($"{OneVersusAll.TrainerName}: a {BinaryLearner} model has no weight rows");

    /// <summary>The binary learners' raw scores (margins or log-odds), one per class.</summary>
    public void Scores(SparseVector features, Span<float> scores)
    {
        if (features.Dimension != FeatureCount)
            throw new TopicModelException($"example has {features.Dimension} features; the model expects {FeatureCount}");
        if (scores.Length != _classNames.Length)
            throw new TopicModelException($"output has room for {scores.Length} classes; the model has {_classNames.Length}");
        if (_byFeature.Value is { } byFeature)
        {
            byFeature.Scores(features.Indices, features.Values, scores);
            return;
        }
        for (var k = 0; k < _classNames.Length; k++) scores[k] = _classifiers[k].Score(features.Indices, features.Values);
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

    /// <summary>What raised the class's own binary score: weight·value for linear classifiers, path attribution for trees.</summary>
    public IReadOnlyList<FeatureContribution> Explain(SparseVector features, int classIndex, int top)
    {
        FeatureContributions.CheckArguments(features, classIndex, top, _classNames.Length, FeatureCount);
        return _classifiers[classIndex].Explain(features, top);
    }

    /// <summary>
    /// Header and learner name, then for linear learners biases, slopes, offsets and the weight matrix (the format
    /// from before tree learners existed, so older bundles still load); for FastTree slopes, offsets and each
    /// class's base score and trees.
    /// </summary>
    public void Save(BinaryWriter writer)
    {
        WeightMatrixFormat.WriteHeader(writer, _classNames, FeatureCount);
        writer.Write(BinaryLearner);
        if (BinaryLearner == FastTreeBinary.LearnerName)
        {
            foreach (var v in _slopes) writer.Write(v);
            foreach (var v in _offsets) writer.Write(v);
            foreach (var c in _classifiers) ((FastTreeBinaryModel)c).Save(writer);
            return;
        }
        var linear = _classifiers.Cast<LinearBinaryModel>().ToArray();
        foreach (var c in linear) writer.Write(c.Bias);
        foreach (var v in _slopes) writer.Write(v);
        foreach (var v in _offsets) writer.Write(v);
        var weights = new float[(long)_classNames.Length * FeatureCount];
        for (var k = 0; k < linear.Length; k++) linear[k].Weights.CopyTo(weights.AsSpan(k * FeatureCount, FeatureCount));
        WeightMatrixFormat.Write(writer, weights, _classNames.Length, FeatureCount);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public static OneVersusAllModel Load(BinaryReader reader) => WeightMatrixFormat.Guard(OneVersusAll.TrainerName, () =>
    {
        var (names, featureCount) = WeightMatrixFormat.ReadHeader(reader, OneVersusAll.TrainerName);
        var learner = reader.ReadString();
        if (learner == FastTreeBinary.LearnerName)
        {
            var treeSlopes = WeightMatrixFormat.ReadFloats(reader, names.Length);
            var treeOffsets = WeightMatrixFormat.ReadFloats(reader, names.Length);
            var classifiers = new IBinaryModel[names.Length];
            for (var k = 0; k < names.Length; k++) classifiers[k] = FastTreeBinaryModel.Load(reader, featureCount, OneVersusAll.TrainerName);
            return new OneVersusAllModel(names, featureCount, learner, classifiers, treeSlopes, treeOffsets);
        }
        var biases = WeightMatrixFormat.ReadFloats(reader, names.Length);
        var slopes = WeightMatrixFormat.ReadFloats(reader, names.Length);
        var offsets = WeightMatrixFormat.ReadFloats(reader, names.Length);
        var weights = WeightMatrixFormat.Read(reader, names.Length, featureCount, OneVersusAll.TrainerName);
        return new OneVersusAllModel(names, featureCount, learner, weights, biases, slopes, offsets);
    });

    private static IBinaryModel[] LinearClassifiers(IReadOnlyList<string> classNames, int featureCount, string binaryLearner, float[] weights, float[] biases)
    {
        const string name = OneVersusAll.TrainerName;
        if (binaryLearner == FastTreeBinary.LearnerName)
            throw new TopicModelException($"{name}: a {binaryLearner} model is made of trees, not weights");
        if (biases.Length != classNames.Count)
            throw new TopicModelException($"{name}: model has {classNames.Count} classes but {biases.Length} biases");
        if (featureCount < 0 || weights.LongLength != (long)classNames.Count * featureCount)
            throw new TopicModelException($"{name}: model has {weights.LongLength} weights; expected {classNames.Count} classes × {featureCount} features");
        if (!TensorPrimitives.IsFiniteAll<float>(weights) || !TensorPrimitives.IsFiniteAll<float>(biases))
            throw new TopicModelException($"{name}: model weights or calibration contain NaN or infinity");
        return [.. Enumerable.Range(0, classNames.Count).Select(k => new LinearBinaryModel(weights.AsSpan(k * featureCount, featureCount).ToArray(), biases[k]))];
    }
}
