using System.Buffers;
using System.Text;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>Trims and collapses every run of whitespace to one space; casing and punctuation are kept.</summary>
internal static class TextCleaner
{
    /// <summary>Every char <see cref="char.IsWhiteSpace(char)"/> holds for but the plain space.</summary>
    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) && c != ' ').ToArray());

    public static string Clean(string text)
    {
        var span = text.AsSpan().Trim();
        // Clean already unless some whitespace is not a lone plain space: two searches that run on whole vectors (a
        // loop of char.IsWhiteSpace over every char was 4% of scoring's CPU, docs/benchmarks.md, issue 21 fourth round).
        var needsWork = span.IndexOfAny(OtherWhiteSpace) >= 0 || span.Contains("  ", StringComparison.Ordinal);
        if (!needsWork) return span.Length == text.Length ? text : span.ToString();

        var sb = new StringBuilder(span.Length);
        var inSpace = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }
            if (inSpace) sb.Append(' ');
            inSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Cuts a text for display in a reject, marking the cut.</summary>
    public static string Excerpt(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "…");
}
