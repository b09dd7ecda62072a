using System.Numerics.Tensors;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// The smooth part of the maximum entropy training objective over a parameter vector laid out feature-major
/// as [feature 0's weight for every class, feature 1's ..., biases], so each non-zero feature of an example
/// reads and writes one contiguous run of class weights instead of one cache line per class:
/// Σᵢ sᵢ·(log Σₖ exp zᵢₖ − zᵢ,yᵢ) + L2/2·‖W‖² (+ L2/2·‖b‖² when the bias is regularized), sᵢ the example weight.
/// The L1 term is not smooth and is left to the optimizer (OWL-QN), which penalizes the first
/// <see cref="WeightCount"/> coordinates.
/// </summary>
internal sealed class SoftmaxObjective
{
    private readonly CsrMatrix _x;
    private readonly int[] _labels;
    private readonly float[]? _exampleWeights;

    public SoftmaxObjective(CsrMatrix x, int[] labels, float[]? exampleWeights, int classCount, double l2, bool regularizeBias)
    {
        _x = x;
        _labels = labels;
        _exampleWeights = exampleWeights;
        ClassCount = classCount;
        FeatureCount = x.ColumnCount;
        L2 = l2;
        RegularizeBias = regularizeBias;
    }

    public int ClassCount { get; }
    public int FeatureCount { get; }
    public double L2 { get; }
    public bool RegularizeBias { get; }
    public int WeightCount => ClassCount * FeatureCount;
    public int Dimension => WeightCount + ClassCount;

    /// <summary>Returns the objective at <paramref name="parameters"/> and writes its gradient.</summary>
    public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        gradient.Clear();
        var k = ClassCount;
        Span<double> scores = k <= 256 ? stackalloc double[k] : new double[k];
        var biases = parameters[WeightCount..];
        var biasGradient = gradient[WeightCount..];
        var loss = 0d;
        for (var i = 0; i < _labels.Length; i++)
        {
            var s = _exampleWeights?[i] ?? 1f;
            if (s == 0f) continue;
            var idx = _x.RowIndices(i);
            var val = _x.RowValues(i);
            biases.CopyTo(scores);
            for (var n = 0; n < idx.Length; n++)
                TensorPrimitives.MultiplyAdd(parameters.Slice(idx[n] * k, k), val[n], scores, scores);
            var logNormalizer = LogSumExp(scores);
            var y = _labels[i];
            loss += s * (logNormalizer - scores[y]);
            // scores becomes the loss gradient with respect to them: s·(softmax − onehot(y)).
            TensorPrimitives.Subtract(scores, logNormalizer, scores);
            TensorPrimitives.Exp(scores, scores);
            scores[y] -= 1;
            TensorPrimitives.Multiply(scores, s, scores);
            for (var n = 0; n < idx.Length; n++)
            {
                var row = gradient.Slice(idx[n] * k, k);
                TensorPrimitives.MultiplyAdd(scores, val[n], row, row);
            }
            TensorPrimitives.Add(biasGradient, scores, biasGradient);
        }
        var regularized = RegularizeBias ? Dimension : WeightCount;
        var penalized = parameters[..regularized];
        loss += 0.5 * L2 * TensorPrimitives.Dot(penalized, penalized);
        TensorPrimitives.MultiplyAdd(penalized, L2, gradient[..regularized], gradient[..regularized]);
        return loss;
    }

    /// <summary>The objective alone, plus an L1 penalty on the weights (not the biases).</summary>
    public double Value(ReadOnlySpan<double> parameters, double l1)
    {
        var scratch = new double[Dimension];
        return ValueAndGradient(parameters, scratch) + l1 * TensorPrimitives.SumOfMagnitudes(parameters[..WeightCount]);
    }

    /// <summary>Packs a model's class-major weights into this objective's feature-major layout.</summary>
    public static double[] Pack(MaximumEntropyModel model)
    {
        var k = model.ClassCount;
        var d = model.FeatureCount;
        var parameters = new double[k * d + k];
        for (var c = 0; c < k; c++)
        {
            var row = model.ClassWeights(c);
            for (var j = 0; j < d; j++) parameters[j * k + c] = row[j];
            parameters[k * d + c] = model.Biases[c];
        }
        return parameters;
    }

    /// <summary>The model whose weights are <paramref name="parameters"/> (feature-major, then biases).</summary>
    public static MaximumEntropyModel Unpack(string trainerName, IReadOnlyList<string> classNames, int featureCount, ReadOnlySpan<double> parameters)
    {
        var k = classNames.Count;
        var weights = new float[k * featureCount];
        for (var j = 0; j < featureCount; j++)
        {
            for (var c = 0; c < k; c++) weights[c * featureCount + j] = (float)parameters[j * k + c];
        }
        var biases = new float[k];
        for (var c = 0; c < k; c++) biases[c] = (float)parameters[k * featureCount + c];
        return new MaximumEntropyModel(trainerName, classNames, featureCount, weights, biases);
    }

    internal static double LogSumExp(ReadOnlySpan<double> scores)
    {
        var max = TensorPrimitives.Max(scores);
        var sum = 0d;
        foreach (var z in scores) sum += Math.Exp(z - max);
        return max + Math.Log(sum);
    }
}
