using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace TopicModel.ML.Text;

/// <summary>
/// Term (as a span) -> id for a fixed list of distinct terms: open addressing with linear probing over one array of
/// 16-byte slots (32 bits of the term's XxHash3 beside its id, and where its characters are), the terms' characters
/// back to back in one more. A miss, most bigram look-ups, usually costs one cache line; a hit one more to compare
/// the characters (8-byte slots with the characters' offsets in a third array cost a third line per hit). The
/// <see cref="Dictionary{TKey, TValue}"/> it replaced touched a bucket, an entry and a string object per probe:
/// docs/benchmarks.md ("Scoring speed") has the measurement. Immutable and thread-safe.
/// </summary>
public sealed class TermTable
{
    private readonly Slot[] _slots;
    private readonly char[] _chars;
    private readonly int _mask;

    /// <summary>Term <c>i</c> gets id <c>i</c>.</summary>
    /// <exception cref="TopicModelException">A term occurs twice.</exception>
    public TermTable(IReadOnlyList<string> terms)
    {
        // At most half full, so a probe sequence stays short.
        var capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)terms.Count * 2));
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        Count = terms.Count;
        var length = 0L;
        foreach (var t in terms) length += t.Length;
        _chars = new char[checked((int)length)];
        var at = 0;
        for (var id = 0; id < terms.Count; id++)
        {
            var term = terms[id];
            if (IdOf(term) >= 0) throw new TopicModelException($"vocabulary: term '{term}' appears twice");
            term.CopyTo(_chars.AsSpan(at));
            var start = at;
            at += term.Length;
            var hash = Hash(term);
            var i = (int)hash & _mask;
            while (_slots[i].TagAndId != 0) i = (i + 1) & _mask;
            _slots[i] = new Slot((hash & 0xFFFF_FFFF_0000_0000UL) | (uint)(id + 1), start, term.Length);
        }
    }

    /// <summary>The number of terms.</summary>
    public int Count { get; }

    /// <summary>The id of <paramref name="term"/>, or -1.</summary>
    public int IdOf(ReadOnlySpan<char> term)
    {
        var hash = Hash(term);
        var tag = hash & 0xFFFF_FFFF_0000_0000UL;
        var i = (int)hash & _mask;
        while (true)
        {
            ref readonly var slot = ref _slots[i];
            if (slot.TagAndId == 0) return -1;
            if ((slot.TagAndId & 0xFFFF_FFFF_0000_0000UL) == tag && term.SequenceEqual(_chars.AsSpan(slot.Start, slot.Length)))
                return (int)(uint)slot.TagAndId - 1;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>Empty when <see cref="TagAndId"/> is 0 (ids are stored + 1).</summary>
    private readonly record struct Slot(ulong TagAndId, int Start, int Length);

    private static ulong Hash(ReadOnlySpan<char> term) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(term));
}
