namespace TopicModel.ML.Text;

/// <summary>Enumerates the word tokens of a text as slices of it; see <see cref="WordTokenizer.EnumerateTokens"/>.</summary>
public ref struct WordTokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly bool _keepPunctuation;
    private int _position;

    internal WordTokenEnumerator(ReadOnlySpan<char> text, bool keepPunctuation)
    {
        _text = text;
        _keepPunctuation = keepPunctuation;
        _position = 0;
        Current = default;
        Start = -1;
    }

    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>Offset of <see cref="Current"/> within the text.</summary>
    public int Start { get; private set; }

    public readonly WordTokenEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        var text = _text;
        var i = _position;
        while (i < text.Length && !WordTokenizer.IsWordChar(text[i]))
        {
            if (_keepPunctuation && (char.IsPunctuation(text[i]) || char.IsSymbol(text[i])))
            {
                Start = i;
                Current = text.Slice(i, 1);
                _position = i + 1;
                return true;
            }
            i++;
        }
        if (i >= text.Length)
        {
            _position = i;
            return false;
        }
        var start = i;
        while (i < text.Length && WordTokenizer.IsWordChar(text[i])) i++;
        Start = start;
        Current = text[start..i];
        _position = i;
        return true;
    }
}
