using System.Buffers;
using TopicModel.ML;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// One non-blank JSON Lines record, read but not yet parsed (<see cref="ReaderOptions.DeferJsonlParsing"/>): the reader
/// thread only cuts the input into lines, and whoever takes the line (a scoring worker) parses it. Parse each line
/// exactly once; it gives the same paper or reject as reading with parsing on.
/// </summary>
public sealed class JsonlLine
{
    private byte[]? _bytes;
    private readonly int _length;
    private readonly bool _overflow;

    private JsonlLine(JsonlSource source, byte[] bytes, int length, long number, bool overflow)
    {
        Source = source;
        _bytes = bytes;
        _length = length;
        Number = number;
        _overflow = overflow;
    }

    /// <summary>The file (or part of one) the line belongs to.</summary>
    public JsonlSource Source { get; }

    /// <summary>1-based line number in the file.</summary>
    public long Number { get; }

    /// <summary>The paper or the reject this line is; counted into <see cref="Source"/>. The line's buffer goes back to the pool.</summary>
    public ReadItem Parse()
    {
        var bytes = Interlocked.Exchange(ref _bytes, null) ?? throw new InvalidOperationException($"line {Number} of {Source.File} was parsed already");
        try
        {
            var item = JsonlParser.ParseLine(new RawLine(bytes, _length, Number, _overflow), Source.File, Source.Digest, Source.Options);
            Source.Count(item);
            return item;
        }
        finally
        {
            Buffers.Return(bytes);
        }
    }

    /// <summary>
    /// The lines' buffers. A scoring job has a few thousand lines in flight (batches of 1,024 queued for the workers), far
    /// more than the shared pool keeps per size (a few dozen): with it most lines got a new zeroed array, which lived
    /// long enough for the GC to copy it. This pool keeps as many as are in flight, for lines up to 64 KB (longer ones
    /// get arrays of their own).
    /// </summary>
    private static readonly ArrayPool<byte> Buffers = ArrayPool<byte>.Create(maxArrayLength: 1 << 16, maxArraysPerBucket: 8 * 1024);

    /// <summary>A copy of the line that outlives the reader's buffer (rented: <see cref="Parse"/> returns it).</summary>
    internal static JsonlLine Copy(JsonlSource source, RawLine raw)
    {
        var bytes = Buffers.Rent(Math.Max(1, raw.Length));
        raw.Bytes.CopyTo(bytes);
        return new JsonlLine(source, bytes, raw.Length, raw.Number, raw.Overflow);
    }
}

/// <summary>
/// A JSON Lines file (or a shard's part of one) whose lines are parsed elsewhere: counts the papers and rejects its
/// lines turn into, so that once every line is parsed, a whole file without a single paper fails as it does when the
/// reader parses (<see cref="ThrowIfNoPapers"/>).
/// </summary>
public sealed class JsonlSource
{
    private readonly Lock _gate = new();
    private long _papers;
    private long _records = -1;
    private RejectedRecord? _firstReject;

    internal JsonlSource(string file, string digest, ReaderOptions options, bool wholeFile)
    {
        File = file;
        Digest = digest;
        Options = options;
        WholeFile = wholeFile;
    }

    public string File { get; }
    public string Digest { get; }
    internal ReaderOptions Options { get; }

    /// <summary>The lines are the whole file (a part of a file may hold no papers; a whole file may not).</summary>
    public bool WholeFile { get; }

    /// <summary>
    /// Call when every line of this source has been parsed (in a stream of records in input order: at the first record
    /// of the next source, and at the end). Throws the reader's "no papers" error for a whole file without any.
    /// </summary>
    public void ThrowIfNoPapers()
    {
        lock (_gate)
        {
            if (_records < 0) throw new InvalidOperationException($"{File} was not read to its end");
            if (_papers > 0 || !WholeFile || _records == 0) return;
            throw new TopicModelException($"no papers among {_records} JSONL records; the first problem: {_firstReject!.Reason}", File, _firstReject.Line);
        }
    }

    internal void End(long records)
    {
        lock (_gate) _records = records;
    }

    internal void Count(ReadItem item)
    {
        if (item.Paper is not null)
        {
            Interlocked.Increment(ref _papers);
            return;
        }
        lock (_gate)
        {
            // Lines are parsed in any order: the first problem is the one on the earliest line.
            if (item.Rejected is { } reject && (_firstReject is null || reject.Line < _firstReject.Line)) _firstReject = reject;
        }
    }
}
