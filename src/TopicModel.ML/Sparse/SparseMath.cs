using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TopicModel.ML.Sparse;

/// <summary>Kernels on one sparse row (indices + values), the inner loops of linear models.</summary>
public static class SparseMath
{
    /// <summary>Σ values[i]·dense[indices[i]].</summary>
    public static float Dot(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<float> dense)
    {
        var sum = 0f;
        for (var i = 0; i < indices.Length; i++)
            sum += values[i] * dense[indices[i]];
        return sum;
    }

    /// <summary>Accumulated in double: it scales step sizes, where float rounding on long rows would show.</summary>
    public static double SquaredNorm(ReadOnlySpan<float> values)
    {
        var sum = 0d;
        foreach (var v in values) sum += (double)v * v;
        return sum;
    }

    /// <summary>
    /// √Σ values[i]², added in one fixed order: eight lanes of 8-wide blocks, the lanes by halving, then the tail. The
    /// library's <c>TensorPrimitives.Norm</c> adds in the order of the widest vectors the CPU has, so the same text got
    /// other last bits on an AVX-512 host than on an AVX2 one (32 of 5,000 scored records differed in a probability's 6th
    /// decimal, docs/benchmarks.md issue 21); with this the features, and so training and scoring, do not depend on it.
    /// </summary>
    public static float Norm(ReadOnlySpan<float> values)
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var sums = Vector256<float>.Zero;
        var i = 0;
        for (; i + 8 <= values.Length; i += 8)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)i);
            sums += v * v;
        }
        var h4 = sums.GetLower() + sums.GetUpper();
        var h2 = h4 + Vector128.Shuffle(h4, Vector128.Create(2, 3, 0, 1));
        var sum = h2.GetElement(0) + h2.GetElement(1);
        for (; i < values.Length; i++) sum += values[i] * values[i];
        return MathF.Sqrt(sum);
    }
}
