using TopicModel.Cli.Rendering;

namespace TopicModel.Cli.Tests;

public sealed class ProgressLineTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualTime : TimeProvider
    {
        public long Ticks { get; set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(double seconds) => Ticks += (long)(seconds * TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void Redirected_progress_is_a_plain_line_every_10_seconds_with_records_rate_and_eta()
    {
        var time = new ManualTime();
        var log = new StringWriter();
        var fraction = 0.0;
        var progress = new ProgressLine(log, live: false, TimeSpan.FromSeconds(10), () => fraction, time);

        time.Advance(5);
        fraction = 0.1;
        progress.Report(500);
        Assert.Equal("", log.ToString());

        time.Advance(5);
        fraction = 0.25;
        progress.Report(1000);
        time.Advance(3);
        progress.Report(1300);

        // 1,000 records in 10 s, a quarter of the input read: 30 s to go.
        Assert.Equal("progress: 1,000 records in 00:10, 100/s, 25% of the input read, ETA 00:30\n", log.ToString().ReplaceLineEndings("\n"));

        time.Advance(7);
        progress.Report(2000);
        Assert.Equal(2, log.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Without_a_known_input_size_there_is_no_eta_and_a_live_line_has_no_bar()
    {
        var time = new ManualTime();
        var log = new StringWriter();
        var plain = new ProgressLine(log, live: false, TimeSpan.FromSeconds(10), () => null, time);
        var live = new StringWriter();
        var bar = new ProgressLine(live, live: true, TimeSpan.FromMilliseconds(250), () => null, time);

        time.Advance(10);
        plain.Report(4000);
        bar.Report(4000);

        Assert.Equal("progress: 4,000 records in 00:10, 400/s\n", log.ToString().ReplaceLineEndings("\n"));
        Assert.StartsWith("\r4,000 records  400/s  00:10", live.ToString());
        Assert.DoesNotContain("ETA", live.ToString());
    }

    [Fact]
    public void A_live_line_on_a_terminal_has_a_bar_and_an_eta_when_the_size_is_known()
    {
        var time = new ManualTime();
        var live = new StringWriter();
        var progress = new ProgressLine(live, live: true, TimeSpan.FromMilliseconds(250), () => 0.5, time);

        time.Advance(60);
        progress.Report(30_000);
        progress.Done();

        Assert.StartsWith("\r[############............] 50%  30,000 records  500/s  01:00  ETA 01:00", live.ToString());
        Assert.EndsWith("\r", live.ToString());
    }
}
