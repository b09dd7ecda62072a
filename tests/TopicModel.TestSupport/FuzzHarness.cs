using System.Text;
using TopicModel.ML;

namespace TopicModel.TestSupport;

/// <summary>
/// Runs a bounded, seeded fuzz campaign against one reader and judges every outcome: success, or a
/// <see cref="TopicModelException"/> that names the file (and whatever else <c>requireLine</c> asks), is
/// allowed; any other exception fails the campaign with the seed, case number and a copy of the input
/// for reproduction. Each case's allocations are bounded (a reader that sizes buffers from the input's
/// claims instead of its length fails here long before it could exhaust memory), and a watchdog turns a
/// hang into a failure naming the case instead of a stuck CI job.
/// </summary>
public static class FuzzHarness
{
    /// <summary>What a campaign did; the counts go into docs/reliability.md.</summary>
    public sealed record Report(string Name, int Cases, int Succeeded, int Refused, long MaxAllocatedBytes)
    {
        public override string ToString() =>
            $"{Name}: {Cases} inputs, {Succeeded} read, {Refused} refused with a TopicModelException, max {MaxAllocatedBytes / 1024.0 / 1024.0:0.0} MiB allocated by one case";
    }

    /// <param name="name">Names the campaign in messages.</param>
    /// <param name="cases">How many inputs to try.</param>
    /// <param name="input">Case number → input bytes (seeded by the caller).</param>
    /// <param name="run">Reads one input completely; throws what the reader throws.</param>
    /// <param name="file">The file name every error must name.</param>
    /// <param name="maxAllocatedBytes">Most bytes one case may allocate.</param>
    public static Report Run(string name, int cases, Func<int, byte[]> input, Action<byte[]> run, string file, long maxAllocatedBytes = 256L << 20)
    {
        var succeeded = 0;
        var refused = 0;
        long maxAllocated = 0;
        var current = -1;
        byte[] bytes = [];
        var work = Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < cases; i++)
            {
                current = i;
                bytes = input(i);
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    // On this thread, so that the allocations of work the reader hands to other tasks count too.
                    OnThisThread.Run(() => run(bytes));
                    succeeded++;
                }
                catch (TopicModelException e)
                {
                    if (e.File is null || !e.Message.Contains(file, StringComparison.Ordinal))
                        throw Fail(name, i, bytes, $"the error does not name the file '{file}': {e.Message}", e);
                    refused++;
                }
                catch (Exception e)
                {
                    throw Fail(name, i, bytes, $"unhandled {e.GetType().Name}: {e.Message}", e);
                }
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                maxAllocated = Math.Max(maxAllocated, allocated);
                if (allocated > maxAllocatedBytes)
                    throw Fail(name, i, bytes, $"one {bytes.Length}-byte input allocated {allocated:N0} bytes (limit {maxAllocatedBytes:N0})", null);
            }
        }, TaskCreationOptions.LongRunning);
        // A generous watchdog, not a speed assertion: a campaign takes seconds; only a hang takes this long.
        if (!work.Wait(TimeSpan.FromMinutes(3)))
            throw Fail(name, current, bytes, "hung (no progress for 3 minutes)", null);
        work.GetAwaiter().GetResult();
        return new Report(name, cases, succeeded, refused, maxAllocated);
    }

    private static Exception Fail(string name, int caseNumber, byte[] bytes, string problem, Exception? inner)
    {
        var dump = Path.Combine(Path.GetTempPath(), $"fuzz-{name}-{caseNumber}.bin");
        File.WriteAllBytes(dump, bytes);
        var preview = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300));
        return new InvalidOperationException($"fuzz {name} case {caseNumber}: {problem}\ninput saved to {dump}; starts: {preview}", inner);
    }
}
