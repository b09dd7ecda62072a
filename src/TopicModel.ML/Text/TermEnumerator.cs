namespace TopicModel.ML.Text;

/// <summary>Produces the word and char n-grams of analyzed tokens, as spans, without allocating.</summary>
internal static class TermEnumerator
{
    public static void Enumerate<TSink>(TokenBuffer tokens, TextFeaturizerOptions options, ref char[] charScratch, ref TSink sink)
        where TSink : struct, ITermSink
    {
        var count = tokens.Count;
        var maxWord = Math.Min(options.MaxWordNgramLength, count);
        for (var n = options.MinWordNgramLength; n <= maxWord; n++)
        {
            for (var i = 0; i + n <= count; i++)
                sink.Add(tokens.Range(i, n), isCharNgram: false);
        }
        if (!options.CharNgrams) return;

        for (var t = 0; t < count; t++)
        {
            var token = tokens[t];
            if (!WordTokenizer.IsWordChar(token[0]) || IsDigits(token)) continue;
            var framedLength = token.Length + 2;
            if (charScratch.Length < framedLength) charScratch = new char[Math.Max(framedLength, charScratch.Length * 2)];
            var framed = charScratch.AsSpan(0, framedLength);
            framed[0] = '<';
            token.CopyTo(framed[1..]);
            framed[^1] = '>';
            var maxChar = Math.Min(options.MaxCharNgramLength, framedLength);
            for (var n = options.MinCharNgramLength; n <= maxChar; n++)
            {
                for (var p = 0; p + n <= framedLength; p++)
                    sink.Add(framed.Slice(p, n), isCharNgram: true);
            }
        }
    }

    private static bool IsDigits(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (!char.IsDigit(c)) return false;
        }
        return true;
    }
}
