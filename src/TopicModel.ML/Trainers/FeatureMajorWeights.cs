using System.Runtime.Intrinsics;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// The weights of K linear classifiers stored feature by feature (the K weights of feature j side by side, K rounded
/// up to a multiple of 8), so that scoring a sparse row reads one or two cache lines per non-zero instead of K lines
/// spread over K rows of the class-major matrix: with ~150k features × 14 classes (8 MB) each of those was a cache
/// miss. Each class's sum is accumulated in the same order as <see cref="SparseMath.Dot"/> (0, then + value·weight for
/// each non-zero in turn, a multiply then an add), so the scores have the same bits.
/// </summary>
internal sealed class FeatureMajorWeights
{
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly int _stride;

    private FeatureMajorWeights(float[] weights, float[] biases, int stride)
    {
        _weights = weights;
        _biases = biases;
        _stride = stride;
    }

    public static FeatureMajorWeights Of(IReadOnlyList<LinearBinaryModel> classifiers, int featureCount)
    {
        var stride = (classifiers.Count + 7) / 8 * 8;
        var weights = new float[(long)featureCount * stride];
        for (var k = 0; k < classifiers.Count; k++)
        {
            var row = classifiers[k].Weights;
            for (var j = 0; j < featureCount; j++) weights[(long)j * stride + k] = row[j];
        }
        return new FeatureMajorWeights(weights, [.. classifiers.Select(c => c.Bias)], stride);
    }

    /// <summary>scores[k] = bias_k + Σ values[i]·w_k[indices[i]], as <see cref="LinearBinaryModel.Score"/> computes it.</summary>
    public void Scores(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> scores)
    {
        Span<float> sums = stackalloc float[_stride];
        sums.Clear();
        var weights = _weights.AsSpan();
        for (var i = 0; i < indices.Length; i++)
        {
            var value = Vector256.Create(values[i]);
            var row = weights.Slice(indices[i] * _stride, _stride);
            for (var b = 0; b < _stride; b += Vector256<float>.Count)
            {
                var sum = Vector256.Create<float>(sums[b..]);
                (sum + value * Vector256.Create<float>(row[b..])).CopyTo(sums[b..]);
            }
        }
        for (var k = 0; k < scores.Length; k++) scores[k] = _biases[k] + sums[k];
    }
}
