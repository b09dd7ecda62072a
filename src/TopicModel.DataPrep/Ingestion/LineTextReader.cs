namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// Feeds strictly decoded lines to a text parser (CsvHelper) and remembers which lines had problems,
/// so a record spanning them can be rejected with the right line instead of failing the whole file.
/// </summary>
internal sealed class LineTextReader(IEnumerator<SourceLine> lines) : TextReader
{
    private string _current = "";
    private int _position;
    private bool _done;

    /// <summary>Lines with a <see cref="LineProblem"/> that were handed to the parser, in order.</summary>
    public Queue<SourceLine> Problems { get; } = new();

    public override int Peek() => Fill() ? _current[_position] : -1;

    public override int Read() => Fill() ? _current[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = 0;
        while (n < buffer.Length && Fill())
        {
            var k = Math.Min(buffer.Length - n, _current.Length - _position);
            _current.AsSpan(_position, k).CopyTo(buffer[n..]);
            _position += k;
            n += k;
        }
        return n;
    }

    private bool Fill()
    {
        while (_position >= _current.Length)
        {
            if (_done || !lines.MoveNext())
            {
                _done = true;
                return false;
            }
            var line = lines.Current;
            if (line.Problem != LineProblem.None) Problems.Enqueue(line);
            // A stray CR would be a line break to the CSV parser and shift its line numbers against ours.
            _current = line.Text.Replace('\r', ' ') + "\n";
            _position = 0;
        }
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) lines.Dispose();
        base.Dispose(disposing);
    }
}
