using System.Diagnostics;
using System.Text;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Reliability;

/// <summary>
/// Ctrl+C during prep takes effect while a large input is being read, not only once the whole file is in:
/// the input is a named pipe that keeps delivering records, so the only way prep stops is by noticing the
/// cancellation between records.
/// </summary>
public sealed class PrepCancellationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("prep-cancel").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Cancelling_stops_reading_a_large_input_within_a_few_thousand_records()
    {
        var fifo = Path.Combine(_dir, "endless.jsonl");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        using var cancel = new CancellationTokenSource();
        var written = 0L;
        var writtenAtCancel = -1L;
        const long Limit = 2_000_000;
        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                var record = Encoding.UTF8.GetBytes("{\"title\": \"A paper on reasoning\", \"abstract\": \"We study chain-of-thought reasoning.\"}\n");
                for (; written < Limit; written++)
                {
                    if (written == 5_000)
                    {
                        writtenAtCancel = written;
                        cancel.Cancel();
                    }
                    pipe.Write(record);
                }
            }
            catch (IOException)
            {
                // The reader closed the pipe: prep stopped.
            }
        }, TaskCreationOptions.LongRunning);
        var inputs = new PrepInputs(RepoPaths.Taxonomy, [RepoPaths.TrainingDigest], [], [fifo], [], new LabelingOptions());

        Assert.ThrowsAny<OperationCanceledException>(() => DataPreparation.Run(inputs, cancel.Token));
        await writer.WaitAsync(TimeSpan.FromMinutes(2));

        // Pipe and reader buffers hold some thousands of these records; reading on to the end would be 2,000,000.
        Assert.True(written - writtenAtCancel < 50_000, $"prep read {written - writtenAtCancel:N0} records after it was cancelled");
    }
}
