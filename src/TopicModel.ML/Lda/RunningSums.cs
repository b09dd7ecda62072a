using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TopicModel.ML.Lda;

/// <summary>
/// The two halves of drawing a topic from unnormalized masses, shared by the Gibbs sweep and fold-in inference:
/// running sums of the masses, and the first topic whose running sum exceeds a uniform draw.
/// </summary>
internal static class RunningSums
{
    /// <summary>sums[t] = Σ_{j ≤ t} coefficients[j] · counts[j]; returns the total.</summary>
    /// <remarks>
    /// An AVX2 version (four sums per in-register prefix sum) was measured and gave no speed-up at 12 or 50 topics
    /// (arXiv benchmark, 1 thread): this loop is not where a sweep's time goes.
    /// </remarks>
    public static double Fill(ReadOnlySpan<double> coefficients, ReadOnlySpan<int> counts, Span<double> sums)
    {
        double total = 0;
        for (var t = 0; t < sums.Length; t++)
        {
            total += coefficients[t] * counts[t];
            sums[t] = total;
        }
        return total;
    }

    /// <summary>The same over counts plus pseudo-counts (word promotion).</summary>
    public static double Fill(ReadOnlySpan<double> coefficients, ReadOnlySpan<int> counts, ReadOnlySpan<float> pseudoCounts, Span<double> sums)
    {
        double total = 0;
        for (var t = 0; t < sums.Length; t++)
        {
            total += coefficients[t] * (counts[t] + pseudoCounts[t]);
            sums[t] = total;
        }
        return total;
    }

    /// <summary>
    /// The first index whose running sum exceeds <paramref name="u"/> (0 ≤ u &lt; the last sum): the topic drawn. As the
    /// sums never decrease, that index is the number of sums ≤ u, counted without branches; a topic with no mass
    /// repeats its predecessor's sum and can never be drawn. Rounding that leaves u at the top gives the last index.
    /// </summary>
    public static int FirstAbove(ReadOnlySpan<double> sums, double u)
    {
        var n = sums.Length;
        var count = 0;
        var t = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var bound = Vector256.Create(u);
            ref var s0 = ref MemoryMarshal.GetReference(sums);
            for (; t <= n - 4; t += 4)
                count += BitOperations.PopCount(Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref s0, (nuint)t), bound).ExtractMostSignificantBits());
        }
        for (; t < n; t++) count += sums[t] <= u ? 1 : 0;
        return Math.Min(count, n - 1);
    }
}
