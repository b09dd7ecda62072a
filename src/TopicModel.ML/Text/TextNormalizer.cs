using System.Buffers;
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

        var buffer = ArrayPool<char>.Shared.Rent(MaxFoldedLength(text.Length));
        try
        {
            var length = Fold(text, buffer);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The destination size <see cref="Fold(ReadOnlySpan{char}, Span{char}, bool, bool)"/> may need for a text of this length.</summary>
    public static int MaxFoldedLength(int length) => checked(length * LatinFolding.MaxExpansion);

    /// <summary>
    /// Writes the folded form of <paramref name="text"/> into <paramref name="destination"/> without
    /// allocating and returns its length. Diacritic removal maps accented Latin letters to their base
    /// letters, expands ligatures ("ﬁ" -> "fi", "ß" -> "ss") and drops combining marks.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> destination, bool lowerCase = true, bool removeDiacritics = true)
    {
        var n = 0;
        while (!text.IsEmpty)
        {
            // Abstracts are almost all ASCII: copy (and lower-case) ASCII runs with SIMD, fold the rest char by char.
            var asciiRun = text.IndexOfAnyExceptInRange('\0', '\x7F');
            if (asciiRun < 0) asciiRun = text.Length;
            if (asciiRun > 0)
            {
                var run = text[..asciiRun];
                if (lowerCase) Ascii.ToLower(run, destination[n..], out _);
                else run.CopyTo(destination[n..]);
                n += asciiRun;
                text = text[asciiRun..];
                if (text.IsEmpty) break;
            }
            n += FoldNonAscii(text[0], destination[n..], lowerCase, removeDiacritics);
            text = text[1..];
        }
        return n;
    }

    private static int FoldNonAscii(char c, Span<char> destination, bool lowerCase, bool removeDiacritics)
    {
        if (removeDiacritics)
        {
            if (LatinFolding.IsCombiningMark(c)) return 0;
            if (LatinFolding.Map(c) is { } mapped)
            {
                for (var i = 0; i < mapped.Length; i++)
                    destination[i] = lowerCase ? char.ToLowerInvariant(mapped[i]) : mapped[i];
                return mapped.Length;
            }
        }
        destination[0] = lowerCase ? char.ToLowerInvariant(c) : c;
        return 1;
    }

    /// <summary>
    /// Folded text with every run of characters other than [a-z0-9] replaced by one space, trimmed.
    /// The canonical form used for paper ids and duplicate detection.
    /// </summary>
    public static string Canonical(string text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, MaxFoldedLength(text.Length)));
        try
        {
            return new string(buffer, 0, Canonical(text, buffer));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// <see cref="Canonical(string)"/> written into <paramref name="destination"/> (at least
    /// <see cref="MaxFoldedLength"/> of the text's length) without allocating; returns its length. The result is ASCII.
    /// </summary>
    public static int Canonical(ReadOnlySpan<char> text, Span<char> destination)
    {
        var folded = Fold(text, destination);
        // Collapse in place: the write position never passes the read position.
        var n = 0;
        var pendingSpace = false;
        for (var i = 0; i < folded; i++)
        {
            var c = destination[i];
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingSpace && n > 0) destination[n++] = ' ';
                pendingSpace = false;
                destination[n++] = c;
            }
            else
            {
                pendingSpace = true;
            }
        }
        return n;
    }
}
