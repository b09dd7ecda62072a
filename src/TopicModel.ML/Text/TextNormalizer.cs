using System.Globalization;
using System.Text;

namespace TopicModel.ML.Text;

/// <summary>Case folding and diacritic removal, shared by ids, labeling rules and featurizers.</summary>
public static class TextNormalizer
{
    /// <summary>Lower-cases and strips diacritics ("Café" -> "cafe"); keeps everything else.</summary>
    public static string Fold(string text)
    {
        var needsWork = false;
        foreach (var c in text)
        {
            if (c >= 0x80 || char.IsUpper(c)) { needsWork = true; break; }
        }
        if (!needsWork) return text;

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Folded text with every run of characters other than [a-z0-9] replaced by one space, trimmed.
    /// The canonical form used for paper ids and duplicate detection.
    /// </summary>
    public static string Canonical(string text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }
}
