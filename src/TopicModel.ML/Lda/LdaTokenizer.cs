using System.Collections.Frozen;
using TopicModel.ML.Text;

namespace TopicModel.ML.Lda;

/// <summary>
/// Text -> LDA tokens: the shared <see cref="TokenAnalyzer"/> (folding, English stop words) plus the LDA's own
/// extra stop words and minimum token length. Immutable and thread-safe.
/// </summary>
internal sealed class LdaTokenizer
{
    private readonly TokenAnalyzer _analyzer;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stop;
    private readonly int _minLength;

    public LdaTokenizer(TextNormalizationOptions normalization, IReadOnlyList<string> additionalStopWords, int minLength)
    {
        _analyzer = new TokenAnalyzer(normalization);
        _stop = additionalStopWords.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _minLength = minLength;
    }

    public List<string> Tokenize(string text)
    {
        var buffer = new TokenBuffer();
        _analyzer.Analyze(text, buffer);
        var tokens = new List<string>(buffer.Count);
        for (var i = 0; i < buffer.Count; i++)
        {
            var t = buffer[i];
            if (t.Length >= _minLength && !_stop.Contains(t)) tokens.Add(t.ToString());
        }
        return tokens;
    }

    /// <summary>
    /// The vocabulary ids of the texts' tokens, one text after the other (unknown ones skipped), without making a string
    /// per token: the scorer's fold-in path, where allocation per token would cost more than the lookup. The ids are
    /// those of the texts joined by line breaks. The span lives in a per-thread buffer until this thread's next call.
    /// </summary>
    public ReadOnlySpan<int> Ids(ReadOnlySpan<string> texts, Vocabulary vocabulary)
    {
        var buffer = t_buffer ??= new TokenBuffer();
        var ids = t_ids ??= new int[256];
        var count = 0;
        foreach (var text in texts)
        {
            _analyzer.Analyze(text, buffer);
            if (count + buffer.Count > ids.Length) Array.Resize(ref ids, Math.Max(ids.Length * 2, count + buffer.Count));
            for (var i = 0; i < buffer.Count; i++)
            {
                var t = buffer[i];
                if (IdOfToken(t, vocabulary) is var id and >= 0) ids[count++] = id;
            }
        }
        t_ids = ids;
        return ids.AsSpan(0, count);
    }

    /// <summary>The vocabulary id of one token the analyzer gave, or -1 when this tokenizer drops it or the vocabulary lacks it.</summary>
    public int IdOfToken(ReadOnlySpan<char> token, Vocabulary vocabulary) =>
        token.Length >= _minLength && !_stop.Contains(token) ? vocabulary.IdOf(token) : -1;

    [ThreadStatic] private static int[]? t_ids;
    [ThreadStatic] private static TokenBuffer? t_buffer;
}
