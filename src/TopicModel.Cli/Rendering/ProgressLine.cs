using System.Diagnostics;

namespace TopicModel.Cli.Rendering;

/// <summary>
/// A one-line progress counter on standard error, redrawn at most four times a second, and only when
/// standard error is a terminal: piped or logged runs get no progress noise.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private readonly TextWriter? _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;

    private ProgressLine(TextWriter? writer) => _writer = writer;

    public static ProgressLine ForStandardError(bool outputIsTerminal) =>
        new(!Console.IsErrorRedirected && !(outputIsTerminal && !Console.IsOutputRedirected) ? Console.Error : null);

    public void Report(long records)
    {
        if (_writer is null || _clock.ElapsedMilliseconds - _lastDraw < 250) return;
        _lastDraw = _clock.ElapsedMilliseconds;
        var rate = records / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        _writer.Write($"\r{records:N0} records  {rate:N0}/s  {_clock.Elapsed:mm\\:ss}   ");
    }

    public void Done() => _writer?.Write("\r" + new string(' ', 60) + "\r");

    public void Dispose() => Done();
}
