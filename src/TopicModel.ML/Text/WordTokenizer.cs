using System.Runtime.CompilerServices;

namespace TopicModel.ML.Text;

/// <summary>
/// Splits folded text into word tokens: runs of letters and digits, keeping inner hyphens and
/// apostrophes out ("chain-of-thought" -> chain, of, thought). Callers fold first (<see cref="TextNormalizer.Fold(string)"/>).
/// </summary>
public static class WordTokenizer
{
    /// <summary>Calls <paramref name="onToken"/> with each token's span within <paramref name="text"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenAction onToken)
    {
        var tokens = EnumerateTokens(text);
        while (tokens.MoveNext())
            onToken(tokens.Current, tokens.Start);
    }

    /// <summary>
    /// Allocation-free enumeration for hot loops: <c>foreach (var token in EnumerateTokens(text))</c>.
    /// With <paramref name="keepPunctuation"/> each punctuation or symbol character is a token of its own.
    /// </summary>
    public static WordTokenEnumerator EnumerateTokens(ReadOnlySpan<char> text, bool keepPunctuation = false) =>
        new(text, keepPunctuation);

    /// <summary>The tokens as strings; convenient off the hot path.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var token in EnumerateTokens(text))
            tokens.Add(token.ToString());
        return tokens;
    }

    /// <summary>True for the characters tokens are made of.</summary>
    /// <remarks>Inlined by request: without profile-guided optimization the JIT kept it a call per character of every
    /// text (4–5 % of scoring's CPU, docs/benchmarks.md, issue 21 fourth round).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) =>
        c < 0x80 ? c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' : char.IsLetterOrDigit(c);

    public delegate void TokenAction(ReadOnlySpan<char> token, int start);
}
