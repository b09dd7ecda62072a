using TopicModel.ML.Streaming;

namespace TopicModel.ML.Tests.Streaming;

public class OrderedParallelTests
{
    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 16)]
    [InlineData(10_000, 1)]
    [InlineData(10_000, 4)]
    [InlineData(100_001, 1024)]
    public void Results_come_back_in_input_order_exactly_once(int count, int batchSize)
    {
        var results = OrderedParallel.Map(Enumerable.Range(0, count), i => i * 2L, batchSize, degreeOfParallelism: 4).ToList();

        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 2L), results);
    }

    [Fact]
    public void The_reader_runs_at_most_a_few_batches_ahead_of_the_consumer()
    {
        var produced = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                Interlocked.Increment(ref produced);
                yield return i;
            }
        }

        var maxAhead = 0;
        var consumed = 0;
        foreach (var _ in OrderedParallel.Map(Source(), i => i, batchSize: 100))
        {
            consumed++;
            if (consumed % 100 == 0)
            {
                Thread.Sleep(1); // a slow writer: the reader must wait, not fill memory
                maxAhead = Math.Max(maxAhead, Volatile.Read(ref produced) - consumed);
            }
            if (consumed == 5_000) break;
        }

        // One batch being consumed, two in the channel, one being filled.
        Assert.InRange(maxAhead, 0, 4 * 100);
    }

    [Fact]
    public void The_reader_does_not_run_on_the_thread_pool()
    {
        // A reader on a pool thread stalled for seconds whenever other work kept the pool busy (28 s once in CI for this
        // class's cancellation test); the source is read on a thread of its own.
        var onPool = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 10_000; i++)
            {
                if (Thread.CurrentThread.IsThreadPoolThread) Interlocked.Increment(ref onPool);
                yield return i;
            }
        }

        Assert.Equal(10_000, OrderedParallel.Map(Source(), i => i, batchSize: 100).Count());
        Assert.Equal(0, onPool);
    }

    [Fact]
    public void A_failure_in_the_source_reaches_the_consumer()
    {
        IEnumerable<int> Broken()
        {
            for (var i = 0; i < 5000; i++) yield return i;
            throw new InvalidDataException("bad input at record 5000");
        }

        var seen = 0;
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var _ in OrderedParallel.Map(Broken(), i => i, batchSize: 100)) seen++;
        });

        Assert.Equal("bad input at record 5000", error.Message);
        Assert.Equal(5000, seen);
    }

    [Fact]
    public void A_failure_in_the_mapping_reaches_the_consumer()
    {
        Assert.ThrowsAny<Exception>(() => OrderedParallel.Map(Enumerable.Range(0, 1000), i => i == 700 ? throw new InvalidOperationException("boom") : i, 64).ToList());
    }

    [Fact]
    public void Cancellation_stops_the_stream()
    {
        using var cts = new CancellationTokenSource();
        var seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in OrderedParallel.Map(Enumerable.Range(0, 1_000_000), i => i, 100, cancellation: cts.Token))
            {
                if (++seen == 1000) cts.Cancel();
            }
        });
        Assert.InRange(seen, 1000, 1300);
    }
}
