using System.Globalization;

namespace TopicModel.Cli.Rendering;

/// <summary>
/// Progress of a long job on standard error. On a terminal: one line redrawn at most four times a second, with a
/// bar and an ETA when the share of input read is known. Redirected (a log, CI): a plain line every 10 seconds
/// with records, rate and ETA, so a long run shows it is alive. Nothing when the job's own output is the terminal.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private const int BarWidth = 24;
    private readonly TextWriter? _writer;
    private readonly bool _live;
    private readonly TimeSpan _interval;
    private readonly Func<double?> _fraction;
    private readonly TimeProvider _time;
    private readonly long _start;
    private TimeSpan _lastDraw;
    private bool _drawn;

    /// <param name="fraction">The share of the input read so far (0..1), or null when the input size is unknown (stdin).</param>
    public ProgressLine(TextWriter? writer, bool live, TimeSpan interval, Func<double?> fraction, TimeProvider? time = null)
    {
        _writer = writer;
        _live = live;
        _interval = interval;
        _fraction = fraction;
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
        _lastDraw = live ? -interval : TimeSpan.Zero;
    }

    public static ProgressLine ForStandardError(bool outputIsTerminal, Func<double?> fraction)
    {
        if (!Console.IsErrorRedirected)
        {
            // Records on the terminal and a redrawn line would garble each other.
            var recordsOnTerminal = outputIsTerminal && !Console.IsOutputRedirected;
            return new ProgressLine(recordsOnTerminal ? null : Console.Error, live: true, TimeSpan.FromMilliseconds(250), fraction);
        }
        return new ProgressLine(Console.Error, live: false, TimeSpan.FromSeconds(10), fraction);
    }

    public void Report(long records)
    {
        if (_writer is null) return;
        var elapsed = _time.GetElapsedTime(_start);
        if (elapsed - _lastDraw < _interval) return;
        _lastDraw = elapsed;
        var rate = records / Math.Max(elapsed.TotalSeconds, 1e-3);
        var fraction = _fraction() is { } f ? Math.Clamp(f, 0, 1) : (double?)null;
        var eta = fraction is > 0.001 and var done ? $"ETA {Duration(elapsed * ((1 - done) / done))}" : "";
        if (_live)
        {
            var bar = fraction is { } g ? $"[{new string('#', (int)(g * BarWidth)).PadRight(BarWidth, '.')}] {g * 100:0}%  " : "";
            _writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r{bar}{records:N0} records  {rate:N0}/s  {Duration(elapsed)}  {eta}   "));
            _drawn = true;
        }
        else
        {
            var read = fraction is { } g ? $", {g * 100:0}% of the input read" : "";
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"progress: {records:N0} records in {Duration(elapsed)}, {rate:N0}/s{read}{(eta.Length > 0 ? ", " + eta : "")}"));
        }
    }

    /// <summary>Clears a live line so the summary that follows starts clean.</summary>
    public void Done()
    {
        if (!_drawn) return;
        _writer?.Write("\r" + new string(' ', 100) + "\r");
        _drawn = false;
    }

    public void Dispose() => Done();

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
