using TopicModel.DataPrep.Papers;
using TopicModel.ML;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// Reads papers from digests (.txt/.md), JSON Lines (.jsonl/.ndjson) and CSV (.csv), or "-" for stdin.
/// <para>
/// <see cref="Read(string, ReaderOptions?)"/> streams: papers, rejects and warnings come out in input
/// order and JSONL/CSV are never held in memory whole, so millions of records can be scored in constant
/// memory. A record-level problem (bad JSON, a title without an abstract, invalid UTF-8 on a line, an
/// overlong line) becomes a <see cref="RejectedRecord"/> and reading goes on. A problem with the input as a
/// whole (missing, empty, binary, not a digest, no papers at all) throws <see cref="TopicModelException"/>
/// with the file and line.
/// </para>
/// </summary>
public static class PaperReader
{
    /// <summary>The path that means standard input.</summary>
    public const string StdinPath = "-";

    /// <summary>Streams one input. Option and file-existence errors throw here; the rest while enumerating.</summary>
    public static IEnumerable<ReadItem> Read(string path, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options = Validate(options);
        if (path == StdinPath)
            return Read(Console.OpenStandardInput(), StdinPath, "stdin", options);
        if (Directory.Exists(path))
            throw new TopicModelException("is a directory; give the digest files in it", path);
        if (!File.Exists(path))
            throw new TopicModelException("input file not found", path);
        return ReadCore(() => File.OpenRead(path), path, Path.GetFileNameWithoutExtension(path), FormatOf(path, options), options);
    }

    /// <summary>
    /// Streams an already open input (disposed when enumeration ends). <paramref name="source"/> names it in
    /// messages and picks the format by extension under <see cref="InputFormat.Auto"/>; <paramref name="digest"/>
    /// becomes <see cref="Paper.Digest"/>.
    /// </summary>
    public static IEnumerable<ReadItem> Read(Stream stream, string source, string digest, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options = Validate(options);
        return ReadCore(() => stream, source, digest, FormatOf(source, options), options);
    }

    /// <summary>Whether <see cref="ReadLines"/> can read the input: JSON Lines by the explicit format or the extension.</summary>
    public static bool CanReadByLines(string path, ReaderOptions? options = null) =>
        path != StdinPath && FormatOf(path, options ?? ReaderOptions.Default) == InputFormat.Jsonl;

    /// <summary>
    /// Streams the JSON Lines records of <paramref name="path"/> whose first byte lies in [<paramref name="start"/>,
    /// <paramref name="end"/>): whole lines, numbered as in the file. Slices that meet end to end read every line of the
    /// file exactly once, in order, which is how shards of one large file add up to the whole (`score --shard`).
    /// The file's head gets the same checks as <see cref="Read(string, ReaderOptions?)"/>; a part without papers is
    /// not an error (another part may have them).
    /// </summary>
    public static IEnumerable<ReadItem> ReadLines(string path, long start, long end, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options = Validate(options);
        if (!File.Exists(path))
            throw new TopicModelException("input file not found", path);
        if (!CanReadByLines(path, options))
            throw new TopicModelException("only JSON Lines inputs can be read by line ranges", path);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        return ReadLinesCore(path, start, end, options);
    }

    private static IEnumerable<ReadItem> ReadLinesCore(string path, long start, long end, ReaderOptions options)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[InputSniffer.HeadSize];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (length == 0)
            throw new TopicModelException("the file is empty", path);
        if (InputSniffer.BinaryReason(head.AsSpan(0, length)) is { } binary)
            throw new TopicModelException(binary.Reason, path, InputSniffer.LineOf(head.AsSpan(0, length), binary.Offset));

        var from = LineStartAtOrAfter(stream, start);
        var to = LineStartAtOrAfter(stream, end);
        var firstLine = 1 + CountNewlines(stream, from);
        stream.Position = from;
        using var part = new RangeStream(stream, to - from);
        foreach (var item in JsonlParser.Parse(part, path, Path.GetFileNameWithoutExtension(path), options, firstLine, wholeFile: from == 0 && to == stream.Length))
            yield return item;
    }

    /// <summary>The offset of the first line that starts at or after <paramref name="offset"/> (the file's length when none does).</summary>
    private static long LineStartAtOrAfter(Stream stream, long offset)
    {
        if (offset <= 0) return 0;
        if (offset >= stream.Length) return stream.Length;
        stream.Position = offset - 1;
        var buffer = new byte[1 << 16];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            var nl = buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (nl >= 0) return stream.Position - n + nl + 1;
        }
        return stream.Length;
    }

    /// <summary>Line breaks in the file before <paramref name="offset"/>: the line number a part starting there continues from.</summary>
    private static long CountNewlines(Stream stream, long offset)
    {
        stream.Position = 0;
        var buffer = new byte[1 << 16];
        long count = 0, left = offset;
        int n;
        while (left > 0 && (n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left))) > 0)
        {
            count += buffer.AsSpan(0, n).Count((byte)'\n');
            left -= n;
        }
        return count;
    }

    /// <summary>Reads one input whole.</summary>
    public static ReadResult ReadFile(string path, ReaderOptions? options = null) => ReadAll([path], options);

    /// <summary>Reads several inputs whole, in the order given; duplicates across them are kept (see <see cref="DuplicateFinder"/>).</summary>
    public static ReadResult ReadAll(IEnumerable<string> paths, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var papers = new List<Paper>();
        var rejects = new List<RejectedRecord>();
        var warnings = new List<ReaderWarning>();
        foreach (var path in paths)
        {
            foreach (var item in Read(path, options))
            {
                if (item.Paper is { } p) papers.Add(p);
                else if (item.Rejected is { } r) rejects.Add(r);
                else if (item.Warning is { } w) warnings.Add(w);
            }
        }
        return new ReadResult(papers, rejects, warnings);
    }

    private static IEnumerable<ReadItem> ReadCore(Func<Stream> open, string file, string digest, InputFormat? format, ReaderOptions options)
    {
        using var stream = open();
        var head = new byte[InputSniffer.HeadSize];
        var length = 0;
        int n;
        while (length < head.Length && (n = stream.Read(head, length, head.Length - length)) > 0)
        {
            length += n;
        }
        if (length == 0)
            throw new TopicModelException("the file is empty", file);
        if (InputSniffer.BinaryReason(head.AsSpan(0, length)) is { } binary)
            throw new TopicModelException(binary.Reason, file, InputSniffer.LineOf(head.AsSpan(0, length), binary.Offset));

        var guess = InputSniffer.Guess(head.AsSpan(0, length));
        var chosen = format ?? guess;
        using var input = new PrefixedStream(head, length, stream);
        var items = chosen switch
        {
            InputFormat.Jsonl => JsonlParser.Parse(input, file, digest, options),
            InputFormat.Csv => CsvPaperParser.Parse(input, file, digest, options),
            _ => ParseDigest(input, stream, file, digest, guess, options),
        };
        foreach (var item in items)
        {
            yield return item;
        }
    }

    private static List<ReadItem> ParseDigest(Stream input, Stream original, string file, string digest, InputFormat guess, ReaderOptions options)
    {
        if (original.CanSeek && original.Length > options.MaxDigestBytes)
            throw new TopicModelException(
                $"digest is {original.Length} bytes, over the limit of {options.MaxDigestBytes} (ReaderOptions.MaxDigestBytes); use JSONL or CSV for large inputs",
                file);
        try
        {
            return DigestParser.Parse(input, file, digest, options);
        }
        catch (TopicModelException e) when (UnknownExtension(file) is { } extension)
        {
            // A .tsv or .xlsx read as a digest fails as "not a digest"; the real problem is the format.
            throw new TopicModelException(
                $"{UnsupportedFormat(extension)}; read as a digest: {e.Problem}",
                e.File, e.Line, e);
        }
        catch (TopicModelException e) when (guess != InputFormat.Digest)
        {
            throw new TopicModelException(
                $"{e.Problem}; the content looks like {guess.ToString().ToUpperInvariant()}: give it a .{guess.ToString().ToLowerInvariant()} extension or set ReaderOptions.Format",
                e.File, e.Line, e);
        }
    }

    /// <summary>The extension of a file whose extension names no format we read (".tsv"); null for known ones, none, or stdin.</summary>
    private static string? UnknownExtension(string source) =>
        source != StdinPath && Path.GetExtension(source) is { Length: > 0 } ext && InputSniffer.FromExtension(source) is null ? ext : null;

    /// <summary>The explicit format, else the extension's, else null (sniff the content).</summary>
    private static InputFormat? FormatOf(string source, ReaderOptions options)
    {
        if (options.Format != InputFormat.Auto) return options.Format;
        if (source == StdinPath) return null;
        if (InputSniffer.IsOtherFormat(source))
            throw new TopicModelException(UnsupportedFormat(Path.GetExtension(source)), source);
        return InputSniffer.FromExtension(source);
    }

    private static string UnsupportedFormat(string extension) =>
        $"unsupported format '{extension}': give digests (.txt, .md), JSON Lines (.jsonl, .ndjson) or CSV (.csv), or name the format (score --input-format)";

    private static ReaderOptions Validate(ReaderOptions? options)
    {
        options ??= ReaderOptions.Default;
        if (options.MaxLineLength < 1)
            throw new TopicModelException($"ReaderOptions.MaxLineLength must be at least 1, got {options.MaxLineLength}");
        if (options.MaxDigestBytes < 1)
            throw new TopicModelException($"ReaderOptions.MaxDigestBytes must be at least 1, got {options.MaxDigestBytes}");
        if (options.MaxTitleLength < 1)
            throw new TopicModelException($"ReaderOptions.MaxTitleLength must be at least 1, got {options.MaxTitleLength}");
        if (options.MaxRawLength < 0)
            throw new TopicModelException($"ReaderOptions.MaxRawLength must not be negative, got {options.MaxRawLength}");
        if (options.DigestYear is < 1 or > 9999)
            throw new TopicModelException($"ReaderOptions.DigestYear must be between 1 and 9999, got {options.DigestYear}");
        if (!Enum.IsDefined(options.Format))
            throw new TopicModelException($"ReaderOptions.Format {(int)options.Format} is not a known input format");
        ArgumentNullException.ThrowIfNull(options.Boilerplate);
        return options;
    }
}
