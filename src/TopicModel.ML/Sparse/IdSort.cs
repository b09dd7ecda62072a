using System.Numerics;

namespace TopicModel.ML.Sparse;

/// <summary>
/// Sorts ids (non-negative ints: feature, term or word ids) ascending, with the same result as
/// <see cref="MemoryExtensions.Sort{T}(Span{T})"/>. A document's few hundred ids out of a vocabulary of 10^5 sort by
/// least-significant-digit radix, two counting passes over ≤ 11-bit digits, in a fraction of introsort's time, whose
/// compares mispredict on ids in text order (docs/benchmarks.md, issue 21 fourth round). Short spans, spans with a
/// negative value and ids of more than 22 bits take the library's sort.
/// </summary>
public static class IdSort
{
    /// <summary>Below this many ids the library's sort is kept (insertion sort up to 16 ids; a title's few n-grams).</summary>
    public const int RadixFrom = 48;

    private const int MaxDigitBits = 11;

    [ThreadStatic] private static int[]? t_scratch;

    public static void Sort(Span<int> ids)
    {
        if (ids.Length < RadixFrom)
        {
            ids.Sort();
            return;
        }
        var any = 0;
        foreach (var id in ids) any |= id;
        // A negative id sets the sign bit; more than two digits' worth of bits is not what this is for.
        var bits = 32 - BitOperations.LeadingZeroCount((uint)any);
        if (any < 0 || bits > 2 * MaxDigitBits)
        {
            ids.Sort();
            return;
        }
        if (bits == 0) return; // all zero
        var scratch = t_scratch is { } s && s.Length >= ids.Length ? s : t_scratch = new int[Math.Max(ids.Length, 1024)];
        var buffer = scratch.AsSpan(0, ids.Length);
        if (bits <= MaxDigitBits)
        {
            Pass(ids, buffer, 0, bits);
            buffer.CopyTo(ids);
            return;
        }
        var low = (bits + 1) / 2;
        Pass(ids, buffer, 0, low);
        Pass(buffer, ids, low, bits - low);
    }

    /// <summary>A stable counting sort of <paramref name="from"/> into <paramref name="to"/> by the digit of <paramref name="width"/> bits at <paramref name="shift"/>.</summary>
    private static void Pass(ReadOnlySpan<int> from, Span<int> to, int shift, int width)
    {
        Span<int> starts = stackalloc int[1 << width]; // zeroed (no SkipLocalsInit)
        var mask = (1 << width) - 1;
        foreach (var id in from) starts[(id >> shift) & mask]++;
        var sum = 0;
        for (var d = 0; d < starts.Length; d++)
        {
            var count = starts[d];
            starts[d] = sum;
            sum += count;
        }
        foreach (var id in from) to[starts[(id >> shift) & mask]++] = id;
    }
}
