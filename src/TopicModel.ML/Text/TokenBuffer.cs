namespace TopicModel.ML.Text;

/// <summary>
/// Reusable storage for the tokens of one text, written by <see cref="TokenAnalyzer.Analyze"/>. Tokens
/// are stored back to back separated by one space, so any run of consecutive tokens is itself a
/// contiguous span ("graph neural network") and word n-grams need no copying. Not thread-safe: use
/// one buffer per thread and reuse it across texts to avoid allocation.
/// </summary>
public sealed class TokenBuffer
{
    private char[] _chars = new char[256];
    private int[] _starts = new int[64];
    private int[] _ends = new int[64];
    private char[] _foldScratch = new char[256];
    private int _length;

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _chars.AsSpan(_starts[index], _ends[index] - _starts[index]);
        }
    }

    /// <summary>Tokens <paramref name="first"/> to <paramref name="first"/>+<paramref name="count"/>-1 joined by single spaces.</summary>
    public ReadOnlySpan<char> Range(int first, int count)
    {
        if (first < 0 || count < 1 || first + count > Count)
            throw new ArgumentOutOfRangeException(nameof(count), $"tokens {first}..{first + count - 1} out of 0..{Count - 1}");
        var start = _starts[first];
        return _chars.AsSpan(start, _ends[first + count - 1] - start);
    }

    public void Clear()
    {
        Count = 0;
        _length = 0;
    }

    /// <summary>The tokens as strings; convenient off the hot path.</summary>
    public List<string> ToList()
    {
        var list = new List<string>(Count);
        for (var i = 0; i < Count; i++) list.Add(this[i].ToString());
        return list;
    }

    internal void Append(ReadOnlySpan<char> token)
    {
        var start = Count == 0 ? 0 : _length + 1;
        var end = start + token.Length;
        if (end > _chars.Length) Array.Resize(ref _chars, Math.Max(end, _chars.Length * 2));
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _ends, Count * 2);
        }
        if (Count > 0) _chars[_length] = ' ';
        token.CopyTo(_chars.AsSpan(start));
        _starts[Count] = start;
        _ends[Count] = end;
        _length = end;
        Count++;
    }

    internal Span<char> FoldScratch(int length)
    {
        if (_foldScratch.Length < length) _foldScratch = new char[Math.Max(length, _foldScratch.Length * 2)];
        return _foldScratch;
    }
}
