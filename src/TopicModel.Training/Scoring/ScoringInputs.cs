using TopicModel.DataPrep.Ingestion;

namespace TopicModel.Training.Scoring;

/// <summary>
/// Opens a scoring run's inputs as one stream of records and keeps count of the bytes read, so progress can
/// show the share of the input done (and an ETA) while the records stream through.
/// </summary>
public sealed class ScoringInputs
{
    private readonly IReadOnlyList<string> _files;
    private readonly ReaderOptions _options;
    private long _bytesRead;

    public ScoringInputs(IReadOnlyList<string> files, ReaderOptions? options = null)
    {
        _files = files;
        _options = BatchScorer.ForScoring(options);
        TotalBytes = files.Contains(PaperReader.StdinPath) ? null : files.Sum(f => new FileInfo(f).Length);
    }

    /// <summary>Total size of the inputs; null when standard input is among them.</summary>
    public long? TotalBytes { get; }

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Share of the input read (0..1), or null when the size is unknown.</summary>
    public double? Fraction => TotalBytes is > 0 and var total ? (double)BytesRead / total : null;

    /// <summary>Every record of every input, in order (papers, rejects and warnings, as <see cref="PaperReader"/> reads them).</summary>
    public IEnumerable<ReadItem> Read() => _files.SelectMany(file => file == PaperReader.StdinPath
        ? PaperReader.Read(file, _options)
        : PaperReader.Read(new CountingStream(File.OpenRead(file), this), file, Path.GetFileNameWithoutExtension(file), _options));

    /// <summary>
    /// The records after the first <paramref name="count"/> papers and rejects (an earlier, interrupted run's share).
    /// Warnings are not records: they pass through.
    /// </summary>
    public static IEnumerable<ReadItem> SkipRecords(IEnumerable<ReadItem> items, long count)
    {
        foreach (var item in items)
        {
            if (count > 0 && item.Warning is null)
            {
                count--;
                // Counted into its file's papers and rejects, as if it had been scored (the "no papers" check).
                item.Line?.Parse();
                continue;
            }
            yield return item;
        }
    }

    /// <summary>A read-only pass-through that adds what it reads to the inputs' byte count.</summary>
    private sealed class CountingStream(Stream inner, ScoringInputs owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            Interlocked.Add(ref owner._bytesRead, read);
            return read;
        }
    }
}
