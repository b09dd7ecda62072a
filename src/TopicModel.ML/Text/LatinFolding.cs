namespace TopicModel.ML.Text;

/// <summary>
/// Base letters for accented Latin characters, ligatures and combining marks. A table of our own
/// because the build runs with invariant globalization, where <c>string.Normalize</c> is a no-op and
/// so cannot strip diacritics. Covers Latin-1, Latin Extended-A, the common Extended-B letters and
/// the Latin ligatures, which is what appears in English paper abstracts (author names, loan words).
/// </summary>
internal static class LatinFolding
{
    private const int TableStart = 0xC0;
    private const int TableEnd = 0x180;

    // One base letter per code point from U+00C0 to U+017F; '*' keeps the character, '?' marks a
    // multi-letter expansion listed in Expansions.
    private const string Bases =
        "AAAAAA?CEEEEIIII" + "DNOOOOO*OUUUUY??" + "aaaaaa?ceeeeiiii" + "dnooooo*ouuuuy?y" +
        "AaAaAaCcCcCcCcDd" + "DdEeEeEeEeEeGgGg" + "GgGgHhHhIiIiIiIi" + "Ii??JjKkkLlLlLlL" +
        "lLlNnNnNnnNnOoOo" + "Oo??RrRrRrSsSsSs" + "SsTtTtTtUuUuUuUu" + "UuUuWwYyYZzZzZzs";

    private static readonly string?[] Table = BuildTable();

    /// <summary>True for the combining diacritical marks (U+0300–U+036F), which folding drops.</summary>
    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    /// <summary>The folded replacement for <paramref name="c"/>, or null when it has none.</summary>
    public static string? Map(char c)
    {
        if (c >= TableStart && c < TableEnd) return Table[c - TableStart];
        return c switch
        {
            '\u0180' => "b",
            '\u0191' => "F",
            '\u0192' => "f",
            '\u01CD' => "A",
            '\u01CE' => "a",
            '\u01CF' => "I",
            '\u01D0' => "i",
            '\u01D1' => "O",
            '\u01D2' => "o",
            '\u01D3' => "U",
            '\u01D4' => "u",
            '\u01E6' => "G",
            '\u01E7' => "g",
            '\u0218' => "S",
            '\u0219' => "s",
            '\u021A' => "T",
            '\u021B' => "t",
            '\uFB00' => "ff",
            '\uFB01' => "fi",
            '\uFB02' => "fl",
            '\uFB03' => "ffi",
            '\uFB04' => "ffl",
            '\uFB05' or '\uFB06' => "st",
            _ => null,
        };
    }

    /// <summary>The longest expansion of one character, for sizing destination buffers.</summary>
    public const int MaxExpansion = 3;

    private static string?[] BuildTable()
    {
        var table = new string?[TableEnd - TableStart];
        for (var i = 0; i < table.Length; i++)
        {
            var b = Bases[i];
            table[i] = b switch
            {
                '*' => null,
                '?' => Expansion((char)(TableStart + i)),
                _ => b.ToString(),
            };
        }
        return table;
    }

    private static string Expansion(char c) => c switch
    {
        '\u00C6' => "AE",
        '\u00DE' => "TH",
        '\u00DF' => "ss",
        '\u00E6' => "ae",
        '\u00FE' => "th",
        '\u0132' => "IJ",
        '\u0133' => "ij",
        '\u0152' => "OE",
        '\u0153' => "oe",
        _ => throw new InvalidOperationException($"no expansion for U+{(int)c:X4}"),
    };
}
