using System.Text;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>Trims and collapses every run of whitespace to one space; casing and punctuation are kept.</summary>
internal static class TextCleaner
{
    public static string Clean(string text)
    {
        var span = text.AsSpan().Trim();
        var needsWork = false;
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsWhiteSpace(span[i]) && (span[i] != ' ' || (i + 1 < span.Length && char.IsWhiteSpace(span[i + 1]))))
            {
                needsWork = true;
                break;
            }
        }
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
