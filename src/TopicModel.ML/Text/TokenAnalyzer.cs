namespace TopicModel.ML.Text;

/// <summary>
/// Raw text -> kept word tokens: fold case and diacritics, split into words, handle numbers, drop
/// stop words. Immutable and thread-safe; the per-call state lives in the caller's <see cref="TokenBuffer"/>.
/// </summary>
public sealed class TokenAnalyzer
{
    /// <summary>The token that stands for every number under <see cref="NumberHandling.Replace"/>; no word can equal it.</summary>
    public const string NumberToken = "<num>";

    public TokenAnalyzer(TextNormalizationOptions? options = null)
    {
        Options = options ?? new TextNormalizationOptions();
        Options.Validate();
    }

    public TextNormalizationOptions Options { get; }

    /// <summary>Replaces the content of <paramref name="tokens"/> with the tokens of <paramref name="text"/>.</summary>
    public void Analyze(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        tokens.Clear();
        var o = Options;
        var folded = text;
        if (o.CaseFolding || o.RemoveDiacritics)
        {
            var scratch = tokens.FoldScratch(TextNormalizer.MaxFoldedLength(text.Length));
            folded = scratch[..TextNormalizer.Fold(text, scratch, o.CaseFolding, o.RemoveDiacritics)];
        }
        foreach (var token in WordTokenizer.EnumerateTokens(folded, o.KeepPunctuation))
        {
            if (o.Numbers != NumberHandling.Keep && IsNumber(token))
            {
                if (o.Numbers == NumberHandling.Replace) tokens.Append(NumberToken);
                continue;
            }
            if (o.RemoveStopWords && StopWords.IsEnglish(token)) continue;
            tokens.Append(token);
        }
    }

    /// <summary>The tokens as strings; convenient off the hot path.</summary>
    public List<string> Tokens(string text)
    {
        var buffer = new TokenBuffer();
        Analyze(text, buffer);
        return buffer.ToList();
    }

    private static bool IsNumber(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (!char.IsDigit(c)) return false;
        }
        return true;
    }
}
