namespace TopicModel.DataPrep.Ingestion;

/// <summary>Matches the page furniture listed in <see cref="ReaderOptions.Boilerplate"/>.</summary>
internal sealed class Boilerplate
{
    private readonly (string Text, bool IsPrefix)[] _entries;

    public Boilerplate(IReadOnlyList<string> entries)
    {
        _entries = entries
            .Select(e => TextCleaner.Clean(e))
            .Where(e => e.Length > 0 && e != "*")
            .Select(e => e.EndsWith('*') ? (e[..^1].TrimEnd(), true) : (e, false))
            .ToArray();
    }

    public bool IsBoilerplate(string cleanLine)
    {
        foreach (var (text, isPrefix) in _entries)
        {
            if (isPrefix ? cleanLine.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                         : cleanLine.Equals(text, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The boilerplate glued in front of real text when a page's elements were concatenated without a
    /// break ("SubscribeReversing the ...", "SubscribeiFlyBot-VLA ..."). Only a case-exact entry followed by
    /// a word that starts upper-case or a digit, or has an upper-case letter inside (product names like
    /// "iFlyBot"), counts, so titles that merely start with the same letters ("Subscribers and ...",
    /// "Newton's ...", "New Methods ...") are left alone.
    /// </summary>
    public string? GluedPrefix(string cleanLine)
    {
        foreach (var (text, isPrefix) in _entries)
        {
            if (isPrefix || cleanLine.Length <= text.Length || !cleanLine.StartsWith(text, StringComparison.Ordinal))
                continue;
            var rest = cleanLine.AsSpan(text.Length);
            var space = rest.IndexOf(' ');
            if (space == 0) continue;
            var word = space < 0 ? rest : rest[..space];
            if (char.IsUpper(word[0]) || char.IsDigit(word[0]) || word.ContainsAnyInRange('A', 'Z')) return text;
        }
        return null;
    }
}
