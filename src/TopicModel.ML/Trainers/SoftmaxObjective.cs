using System.Numerics.Tensors;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// The smooth part of the maximum entropy training objective over a parameter vector laid out as
/// [class 0 weights, class 1 weights, ..., biases]:
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
        var d = FeatureCount;
        Span<double> scores = k <= 256 ? stackalloc double[k] : new double[k];
        var loss = 0d;
        for (var i = 0; i < _labels.Length; i++)
        {
            var s = _exampleWeights?[i] ?? 1f;
            if (s == 0f) continue;
            var idx = _x.RowIndices(i);
            var val = _x.RowValues(i);
            for (var c = 0; c < k; c++)
                scores[c] = parameters[WeightCount + c] + SparseMath.Dot(idx, val, parameters.Slice(c * d, d));
            var logNormalizer = LogSumExp(scores);
            loss += s * (logNormalizer - scores[_labels[i]]);
            for (var c = 0; c < k; c++)
            {
                var residual = s * (Math.Exp(scores[c] - logNormalizer) - (c == _labels[i] ? 1d : 0d));
                SparseMath.AddScaled(idx, val, residual, gradient.Slice(c * d, d));
                gradient[WeightCount + c] += residual;
            }
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

    internal static double LogSumExp(ReadOnlySpan<double> scores)
    {
        var max = TensorPrimitives.Max(scores);
        var sum = 0d;
        foreach (var z in scores) sum += Math.Exp(z - max);
        return max + Math.Log(sum);
    }
}
