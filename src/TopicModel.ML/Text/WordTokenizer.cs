namespace TopicModel.ML.Text;

/// <summary>
/// Splits folded text into word tokens: runs of letters and digits, keeping inner hyphens and
/// apostrophes out ("chain-of-thought" -> chain, of, thought). Callers fold first (<see cref="TextNormalizer.Fold"/>).
/// </summary>
public static class WordTokenizer
{
    /// <summary>Calls <paramref name="onToken"/> with each token's span within <paramref name="text"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenAction onToken)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord)
            {
                if (start < 0) start = i;
            }
            else if (start >= 0)
            {
                onToken(text[start..i], start);
                start = -1;
            }
        }
    }

    /// <summary>The tokens as strings; convenient off the hot path.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        Tokenize(text, (token, _) => tokens.Add(token.ToString()));
        return tokens;
    }

    public delegate void TokenAction(ReadOnlySpan<char> token, int start);
}
