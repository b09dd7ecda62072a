using System.Text;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>Looks at the first bytes of an input to refuse binary data and to guess the format of stdin.</summary>
internal static class InputSniffer
{
    public const int HeadSize = 8192;

    /// <summary>Why the head looks binary (with the byte offset where that shows), or null when it looks like text.</summary>
    public static (string Reason, int Offset)? BinaryReason(ReadOnlySpan<byte> head)
    {
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

    /// <summary>The format an extension implies, or null when it implies none.</summary>
    public static InputFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".md" or ".text" => InputFormat.Digest,
        ".jsonl" or ".ndjson" => InputFormat.Jsonl,
        ".csv" => InputFormat.Csv,
        _ => null,
    };
}
