using System.Numerics.Tensors;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// A fitted <see cref="NaiveBayes"/> classifier: score(c) = bias(c) + Σ_f value(f)·weight(c,f), probabilities
/// by softmax of the scores. For <see cref="NaiveBayesVariant.Multinomial"/> the weights are log p(f|c) and
/// the biases log p(c), so the softmax is exactly Bayes' posterior p(c|x) (the multinomial coefficient is
/// the same for every class and cancels). For <see cref="NaiveBayesVariant.Complement"/> the weights are
/// −log p(f|not c) and the probabilities are the softmax of those complement scores (plus log p(c) when
/// priors are fitted): they rank classes as Rennie's decision rule does but are not a generative posterior.
/// </summary>
public sealed class NaiveBayesModel : IMulticlassModel
{
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly string[] _classNames;

    /// <param name="weights">Row-major [classes × features]: row k holds class k's weights.</param>
    public NaiveBayesModel(IReadOnlyList<string> classNames, int featureCount, NaiveBayesVariant variant, float[] weights, float[] biases)
    {
        if (classNames.Count < 2)
            throw new TopicModelException($"{NaiveBayes.TrainerName}: a model needs at least two classes");
        if (featureCount < 0)
            throw new TopicModelException($"{NaiveBayes.TrainerName}: feature count {featureCount} is negative");
        if (!Enum.IsDefined(variant))
            throw new TopicModelException($"{NaiveBayes.TrainerName}: unknown variant {(int)variant}");
        if (biases.Length != classNames.Count)
            throw new TopicModelException($"{NaiveBayes.TrainerName}: model has {classNames.Count} classes but {biases.Length} class priors");
        if (weights.LongLength != (long)classNames.Count * featureCount)
            throw new TopicModelException($"{NaiveBayes.TrainerName}: model has {weights.LongLength} weights; expected {classNames.Count} classes × {featureCount} features");
        if (!TensorPrimitives.IsFiniteAll<float>(weights) || !TensorPrimitives.IsFiniteAll<float>(biases))
            throw new TopicModelException($"{NaiveBayes.TrainerName}: model weights contain NaN or infinity");
        _classNames = [.. classNames];
        FeatureCount = featureCount;
        Variant = variant;
        _weights = weights;
        _biases = biases;
    }

    public string TrainerName => NaiveBayes.TrainerName;
    public IReadOnlyList<string> ClassNames => _classNames;
    public int FeatureCount { get; }
    public NaiveBayesVariant Variant { get; }

    /// <summary>Multinomial: log p(f|c) for every feature f of class <paramref name="classIndex"/>; complement: −log p(f|not c).</summary>
    public ReadOnlySpan<float> ClassWeights(int classIndex) => _weights.AsSpan(classIndex * FeatureCount, FeatureCount);

    /// <summary>log p(c) when priors were fitted, otherwise zeros.</summary>
    public ReadOnlySpan<float> Biases => _biases;

    public void PredictProbabilities(SparseVector features, Span<float> probabilities)
    {
        CheckFeatures(features);
        if (probabilities.Length != _classNames.Length)
            throw new TopicModelException($"output has room for {probabilities.Length} classes; the model has {_classNames.Length}");
        for (var k = 0; k < _classNames.Length; k++)
            probabilities[k] = _biases[k] + SparseMath.Dot(features.Indices, features.Values, ClassWeights(k));
        MaximumEntropyModel.Softmax(probabilities);
    }

    /// <summary>
    /// value(f)·(weight(c,f) − mean over classes of weight(·,f)): how much f raises c's score relative to the
    /// average class. The mean is subtracted because every weight of a multinomial model is negative; the
    /// shift is the same for all classes, so it does not change the probabilities.
    /// </summary>
    public IReadOnlyList<FeatureContribution> Explain(SparseVector features, int classIndex, int top)
    {
        FeatureContributions.CheckArguments(features, classIndex, top, _classNames.Length, FeatureCount);
        var contributions = new List<FeatureContribution>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            var j = features.Indices[i];
            var mean = 0f;
            for (var k = 0; k < _classNames.Length; k++) mean += _weights[k * FeatureCount + j];
            mean /= _classNames.Length;
            var c = features.Values[i] * (_weights[classIndex * FeatureCount + j] - mean);
            if (c > 0f) contributions.Add(new FeatureContribution(j, c));
        }
        return FeatureContributions.Strongest(contributions, top);
    }

    public void Save(BinaryWriter writer)
    {
        WeightMatrixFormat.WriteHeader(writer, _classNames, FeatureCount);
        writer.Write((int)Variant);
        foreach (var b in _biases) writer.Write(b);
        WeightMatrixFormat.Write(writer, _weights, _classNames.Length, FeatureCount);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public static NaiveBayesModel Load(BinaryReader reader) => WeightMatrixFormat.Guard(NaiveBayes.TrainerName, () =>
    {
        var (names, featureCount) = WeightMatrixFormat.ReadHeader(reader, NaiveBayes.TrainerName);
        var variant = (NaiveBayesVariant)reader.ReadInt32();
        var biases = WeightMatrixFormat.ReadFloats(reader, names.Length);
        var weights = WeightMatrixFormat.Read(reader, names.Length, featureCount, NaiveBayes.TrainerName);
        return new NaiveBayesModel(names, featureCount, variant, weights, biases);
    });

    private void CheckFeatures(SparseVector features)
    {
        if (features.Dimension != FeatureCount)
            throw new TopicModelException($"example has {features.Dimension} features; the model expects {FeatureCount}");
    }
}
