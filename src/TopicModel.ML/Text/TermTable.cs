using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace TopicModel.ML.Text;

/// <summary>
/// Term (as a span) -> id for a fixed list of distinct terms: open addressing with linear probing over one array of
/// 8-byte slots (32 bits of the term's XxHash3 beside its id), the terms' characters back to back in one more. A miss,
/// most bigram look-ups, usually costs one cache line; a hit one more to compare the characters. The
/// <see cref="Dictionary{TKey, TValue}"/> it replaced touched a bucket, an entry and a string object per probe:
/// docs/benchmarks.md ("Scoring speed") has the measurement. Immutable and thread-safe.
/// </summary>
public sealed class TermTable
{
    private readonly ulong[] _slots;
    private readonly char[] _chars;
    private readonly int[] _starts;
    private readonly int _mask;

    /// <summary>Term <c>i</c> gets id <c>i</c>.</summary>
    /// <exception cref="TopicModelException">A term occurs twice.</exception>
    public TermTable(IReadOnlyList<string> terms)
    {
        // At most half full, so a probe sequence stays short.
        var capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)terms.Count * 2));
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        _starts = new int[terms.Count + 1];
        var length = 0L;
        foreach (var t in terms) length += t.Length;
        _chars = new char[checked((int)length)];
        var at = 0;
        for (var id = 0; id < terms.Count; id++)
        {
            var term = terms[id];
            if (IdOf(term) >= 0) throw new TopicModelException($"vocabulary: term '{term}' appears twice");
            term.CopyTo(_chars.AsSpan(at));
            _starts[id] = at;
            at += term.Length;
            _starts[id + 1] = at;
            var hash = Hash(term);
            var i = (int)hash & _mask;
            while (_slots[i] != 0) i = (i + 1) & _mask;
            _slots[i] = (hash & 0xFFFF_FFFF_0000_0000UL) | (uint)(id + 1);
        }
    }

    /// <summary>The number of terms.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The id of <paramref name="term"/>, or -1.</summary>
    public int IdOf(ReadOnlySpan<char> term)
    {
        var hash = Hash(term);
        var tag = hash & 0xFFFF_FFFF_0000_0000UL;
        var i = (int)hash & _mask;
        while (true)
        {
            var slot = _slots[i];
            if (slot == 0) return -1;
            if ((slot & 0xFFFF_FFFF_0000_0000UL) == tag)
            {
                var id = (int)(uint)slot - 1;
                var start = _starts[id];
                if (term.SequenceEqual(_chars.AsSpan(start, _starts[id + 1] - start))) return id;
            }
            i = (i + 1) & _mask;
        }
    }

    private static ulong Hash(ReadOnlySpan<char> term) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(term));
}
