namespace TopicModel.ML.IO;

/// <summary>
/// An output being written: a hidden temporary file beside <see cref="Target"/> that becomes the target only on
/// <see cref="Commit"/> (flush to disk, rename). Disposed without a commit, the temporary file is deleted and the
/// target keeps its old content. Every file-system failure names <see cref="Target"/>, not the temporary file.
/// </summary>
public sealed class PendingFile : IDisposable
{
    private readonly FileStream _file;
    private readonly string _temp;
    private bool _closed;

    private PendingFile(string target, string temp, FileStream file)
    {
        Target = target;
        _temp = temp;
        _file = file;
        Stream = new GuardedStream(file, target);
    }

    /// <summary>The path the user asked for (as given, for messages).</summary>
    public string Target { get; }

    /// <summary>
    /// Where the content goes until the commit (seekable and readable, for writers that patch or append, like Parquet's
    /// footer). Write failures (disk full) name <see cref="Target"/>.
    /// </summary>
    public Stream Stream { get; }

    public static PendingFile Create(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full)) throw new TopicModelException("cannot write: it is a folder; give a file name", path);
            if (AtomicFile.FileInTheWay(full) is { } file) throw new TopicModelException($"cannot write: {file} is a file, not a folder", path);
            var dir = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(dir);
            var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            return new PendingFile(path, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16));
        }
        catch (Exception e) when (AtomicFile.IsWriteFailure(e))
        {
            throw AtomicFile.Unwritable(path, e);
        }
    }

    /// <summary>Publishes the content under <see cref="Target"/>.</summary>
    public void Commit() => CommitAs(Target);

    /// <summary>Publishes the content under another name (e.g. <c>out.jsonl.partial</c> for an interrupted run).</summary>
    public void CommitAs(string path)
    {
        try
        {
            Stream.Flush();
            _file.Flush(flushToDisk: true);
            Close();
            File.Move(_temp, Path.GetFullPath(path), overwrite: true);
        }
        catch (Exception e) when (AtomicFile.IsWriteFailure(e))
        {
            throw AtomicFile.Unwritable(path, e);
        }
    }

    public void Dispose()
    {
        Close();
        try
        {
            if (File.Exists(_temp)) File.Delete(_temp);
        }
        catch (Exception e) when (AtomicFile.IsWriteFailure(e))
        {
            // Nothing more to do: the target was never touched.
        }
    }

    private void Close()
    {
        if (_closed) return;
        _closed = true;
        try
        {
            _file.Dispose();
        }
        catch (Exception e) when (AtomicFile.IsWriteFailure(e))
        {
            // Disposing flushes; a failure there matters only on the commit path, which flushed first.
        }
    }

    /// <summary>Passes writes through and turns a file-system failure into an error naming the target.</summary>
    private sealed class GuardedStream(Stream inner, string target) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                inner.Write(buffer);
            }
            catch (Exception e) when (AtomicFile.IsWriteFailure(e))
            {
                throw AtomicFile.Unwritable(target, e);
            }
        }

        public override void WriteByte(byte value) => Guard(() => inner.WriteByte(value));
        public override void Flush() => Guard(inner.Flush);
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => Guard(() => inner.SetLength(value));

        private void Guard(Action write)
        {
            try
            {
                write();
            }
            catch (Exception e) when (AtomicFile.IsWriteFailure(e))
            {
                throw AtomicFile.Unwritable(target, e);
            }
        }
    }
}
