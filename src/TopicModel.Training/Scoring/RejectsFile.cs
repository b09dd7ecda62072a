using System.Text;
using TopicModel.ML.IO;

namespace TopicModel.Training.Scoring;

/// <summary>
/// The rejects file of a scoring run (JSON Lines): created on the first rejected record only, so a clean run
/// leaves no empty file behind, and written atomically like every output. A run whose rejects went elsewhere
/// never opens it.
/// </summary>
public sealed class RejectsFile(string path) : TextWriter
{
    private PendingFile? _file;
    private StreamWriter? _writer;
    private bool _committed;

    public string Path { get; } = path;

    /// <summary>Whether anything was written (and so there is a file to commit).</summary>
    public bool HasContent => _writer is not null;

    public override Encoding Encoding { get; } = new UTF8Encoding(false);

    public override void Write(char value) => Open().Write(value);
    public override void Write(string? value) => Open().Write(value);
    public override void Write(char[] buffer, int index, int count) => Open().Write(buffer, index, count);
    public override void WriteLine(string? value) => Open().Write(value + "\n");

    public override void Flush() => _writer?.Flush();

    /// <summary>Publishes the rejects under <see cref="Path"/> when there are any; a stale file there from an earlier run is removed.</summary>
    public void Commit()
    {
        if (_writer is null)
        {
            if (File.Exists(Path)) File.Delete(Path);
            return;
        }
        CommitAs(Path);
    }

    /// <summary>Publishes what was written so far under another name (an interrupted run's <c>.partial</c>); nothing when empty.</summary>
    public void CommitAs(string path)
    {
        if (_writer is null) return;
        _writer.Dispose(); // flushes; the stream stays open for the commit
        _committed = true;
        _file!.CommitAs(path);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_committed)
            {
                try { _writer?.Dispose(); }
                catch (Exception e) when (AtomicFile.IsWriteFailure(e)) { /* not committed: nothing to keep */ }
            }
            _file?.Dispose();
        }
        base.Dispose(disposing);
    }

    private StreamWriter Open()
    {
        if (_writer is not null) return _writer;
        _file = PendingFile.Create(Path);
        _writer = new StreamWriter(_file.Stream, Encoding, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        return _writer;
    }
}
