using System.Buffers;
using System.Text;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// Splits a byte stream into lines and decodes each one strictly as UTF-8, so a bad byte is reported
/// on its own line instead of being silently replaced or failing the whole file. Memory is bounded by
/// the line limit: the tail of an overlong line is counted, not stored.
/// </summary>
internal static class LineSource
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <param name="firstLineNumber">The number of the stream's first line in its file (a shard starts mid-file).</param>
    public static IEnumerable<SourceLine> Read(Stream stream, int maxLineLength, long firstLineNumber = 1)
    {
        foreach (var raw in ReadRaw(stream, maxLineLength, firstLineNumber))
            yield return Decode(raw.Bytes, raw.Number, raw.Overflow, maxLineLength);
    }

    /// <summary>
    /// The lines' bytes, not yet decoded (no '\n'; a '\r' or the file's byte order mark still there). Each
    /// <see cref="RawLine.Buffer"/> is reused for the next line: copy what must outlive the iteration step.
    /// </summary>
    public static IEnumerable<RawLine> ReadRaw(Stream stream, int maxLineLength, long firstLineNumber = 1)
    {
        // A UTF-16 char takes at most 3 UTF-8 bytes, so a line within the limit always fits in this many bytes.
        var cap = (int)Math.Min(Array.MaxLength, 3L * maxLineLength + 4);
        var chunk = ArrayPool<byte>.Shared.Rent(1 << 16);
        var line = new byte[Math.Min(cap, 1 << 12)];
        try
        {
            var used = 0;
            var overflow = false;
            var pending = false;
            var number = firstLineNumber - 1;
            int read;
            while ((read = stream.Read(chunk, 0, 1 << 16)) > 0)
            {
                var start = 0;
                while (start < read)
                {
                    var nl = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                    var end = nl < 0 ? read : nl;
                    Append(chunk.AsSpan(start, end - start), ref line, ref used, ref overflow, cap);
                    pending = true;
                    if (nl < 0) break;
                    yield return new RawLine(line, used, ++number, overflow);
                    used = 0;
                    overflow = false;
                    pending = false;
                    start = nl + 1;
                }
            }
            if (pending)
                yield return new RawLine(line, used, ++number, overflow);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static void Append(ReadOnlySpan<byte> bytes, ref byte[] line, ref int used, ref bool overflow, int cap)
    {
        var room = cap - used;
        if (bytes.Length > room)
        {
            overflow = true;
            bytes = bytes[..room];
        }
        if (bytes.IsEmpty) return;
        if (used + bytes.Length > line.Length)
            Array.Resize(ref line, (int)Math.Min(cap, Math.Max(2L * line.Length, used + bytes.Length)));
        bytes.CopyTo(line.AsSpan(used));
        used += bytes.Length;
    }

    /// <summary>The line's text without its '\r' (and on line 1 the byte order mark), or why it cannot be trusted as text.</summary>
    public static SourceLine Decode(ReadOnlySpan<byte> bytes, long number, bool overflow, int maxLineLength)
    {
        bytes = Content(bytes, number, overflow);

        if (overflow)
            return TooLong(number, Lenient.GetString(bytes), maxLineLength);

        var control = IndexOfControl(bytes);
        if (control >= 0)
            return new SourceLine(number, Lenient.GetString(bytes), LineProblem.ControlCharacters,
                $"control character 0x{bytes[control]:X2} at byte {control + 1} (binary data?)");

        string text;
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {e.Index + 1}" : "";
            return new SourceLine(number, Lenient.GetString(bytes), LineProblem.InvalidUtf8, $"invalid UTF-8{at}");
        }
        return text.Length > maxLineLength ? TooLong(number, text, maxLineLength) : new SourceLine(number, text, LineProblem.None, null);
    }

    /// <summary>The line's bytes without a final '\r' (unless cut for length) and, on line 1, without the byte order mark.</summary>
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> bytes, long number, bool overflow)
    {
        if (!overflow && bytes.Length > 0 && bytes[^1] == '\r') bytes = bytes[..^1];
        if (number == 1 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        return bytes;
    }

    private static SourceLine TooLong(long number, string prefix, int maxLineLength) =>
        new(number, prefix.Length > maxLineLength ? prefix[..maxLineLength] : prefix, LineProblem.TooLong,
            $"line is longer than the limit of {maxLineLength} characters (ReaderOptions.MaxLineLength)");

    /// <summary>C0 controls other than tab, vertical tab, form feed and CR never occur in text.</summary>
    private static readonly SearchValues<byte> Controls = SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or 0x0B or 0x0C or '\r')).Select(b => (byte)b).ToArray());

    internal static int IndexOfControl(ReadOnlySpan<byte> bytes) => bytes.IndexOfAny(Controls);
}

/// <summary>One line's bytes as <see cref="LineSource.ReadRaw"/> found them: the first <see cref="Length"/> bytes of <see cref="Buffer"/>.</summary>
/// <param name="Overflow">The line was longer than the limit allows: only its head is in the buffer.</param>
internal readonly record struct RawLine(byte[] Buffer, int Length, long Number, bool Overflow)
{
    public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);
}
