using System.Text;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>Looks at the first bytes of an input to refuse binary data and to guess the format of stdin.</summary>
internal static class InputSniffer
{
    public const int HeadSize = 8192;

    /// <summary>Why the head looks binary (with the byte offset where that shows), or null when it looks like text.</summary>
    public static (string Reason, int Offset)? BinaryReason(ReadOnlySpan<byte> head)
    {
        if (Utf16(head) is { } utf16) return ($"{utf16} text: save it as UTF-8", 0);
        var nul = head.IndexOf((byte)0);
        if (nul >= 0) return ($"binary data, not text: NUL byte at byte {nul + 1}", nul);

        var controls = 0;
        var firstControl = -1;
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] < 0x20 && head[i] is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0B and not 0x0C)
            {
                controls++;
                if (firstControl < 0) firstControl = i;
            }
        }
        if (controls * 20 > head.Length)
            return ($"binary data, not text: {controls} control bytes in the first {head.Length} bytes", firstControl);

        // A cut multi-byte character at the end of the head may add one replacement; real text has almost none.
        var text = Encoding.UTF8.GetString(head);
        var replaced = text.Count(c => c == '\uFFFD');
        if (replaced > 8 && replaced * 10 > text.Length)
            return ($"binary data, not text: {replaced} of the first {text.Length} characters are not valid UTF-8", text.IndexOf('\uFFFD'));
        return null;
    }

    /// <summary>"UTF-16LE"/"UTF-16BE" when the head is UTF-16 (a byte-order mark, or ASCII text with every other byte NUL).</summary>
    private static string? Utf16(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return "UTF-16LE";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return "UTF-16BE";
        if (head.Length < 8) return null;
        int evenNul = 0, oddNul = 0, pairs = Math.Min(head.Length / 2, 256);
        for (var i = 0; i < pairs; i++)
        {
            if (head[2 * i] == 0) evenNul++;
            if (head[2 * i + 1] == 0) oddNul++;
        }
        if (oddNul > pairs * 9 / 10 && evenNul == 0) return "UTF-16LE";
        if (evenNul > pairs * 9 / 10 && oddNul == 0) return "UTF-16BE";
        return null;
    }

    /// <summary>1-based line of a byte offset in the head.</summary>
    public static long LineOf(ReadOnlySpan<byte> head, int offset) =>
        head[..Math.Clamp(offset, 0, head.Length)].Count((byte)'\n') + 1;

    /// <summary>'{' starts JSONL; a first line naming title and abstract columns is CSV; anything else a digest.</summary>
    public static InputFormat Guess(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        var text = head.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty) return InputFormat.Digest;
        if (text[0] == (byte)'{') return InputFormat.Jsonl;
        var eol = text.IndexOf((byte)'\n');
        var first = Encoding.UTF8.GetString(eol < 0 ? text : text[..eol]);
        var cells = first.Split(',', StringSplitOptions.TrimEntries)
            .Select(c => c.Trim('"').Trim().ToLowerInvariant())
            .ToHashSet();
        return cells.Contains("title") && cells.Contains("abstract") ? InputFormat.Csv : InputFormat.Digest;
    }

    /// <summary>
    /// Extensions of formats we know and do not read (tab-separated, spreadsheets, documents, archives): an error up front,
    /// where an extension we do not know at all is sniffed.
    /// </summary>
    public static bool IsOtherFormat(string path) => Path.GetExtension(path).ToLowerInvariant() is
        ".tsv" or ".tab" or ".xlsx" or ".xls" or ".ods" or ".json" or ".parquet" or ".pdf" or ".docx" or ".doc" or ".html" or ".htm"
        or ".xml" or ".zip" or ".gz" or ".bz2" or ".xz" or ".zst";

    /// <summary>The format an extension implies, or null when it implies none.</summary>
    public static InputFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".md" or ".text" => InputFormat.Digest,
        ".jsonl" or ".ndjson" => InputFormat.Jsonl,
        ".csv" => InputFormat.Csv,
        _ => null,
    };
}
