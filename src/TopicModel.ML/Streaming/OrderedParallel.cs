using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace TopicModel.ML.Streaming;

/// <summary>
/// Maps a (possibly endless) stream on all cores and yields the results in input order, holding at
/// most a few batches in memory: a reader thread fills fixed-size batches into a bounded channel while
/// the caller's thread maps the current batch with a parallel loop and yields it.
/// </summary>
/// <remarks>
/// No hand-off waits for a thread-pool thread: the reader is a thread of its own, and the channel completes a
/// waiting side inline on the thread that wrote or read (synchronous continuations), not through the pool. With the
/// reader as a pool task and the waits completed on the pool, a pool kept busy by other work (parallel tests, other
/// parallel loops) stalled the stream for seconds at a time until the pool grew.
/// </remarks>
public static class OrderedParallel
{
    public static IEnumerable<TOut> Map<TIn, TOut>(
        IEnumerable<TIn> source,
        Func<TIn, TOut> map,
        int batchSize = 1024,
        int degreeOfParallelism = 0,
        CancellationToken cancellation = default)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize));
        var workers = degreeOfParallelism > 0 ? degreeOfParallelism : Environment.ProcessorCount;
        var batches = Channel.CreateBounded<TIn[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        Exception? failure = null;
        var reader = new Thread(() => failure = Fill(source, batchSize, batches.Writer, stop.Token)) { IsBackground = true, Name = "OrderedParallel reader" };
        reader.Start();
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellation };
            while (batches.Reader.WaitToReadAsync(cancellation).AsTask().GetAwaiter().GetResult())
            {
                while (batches.Reader.TryRead(out var batch))
                {
                    var results = new TOut[batch.Length];
                    if (workers == 1 || batch.Length < 64)
                    {
                        for (var i = 0; i < batch.Length; i++) results[i] = map(batch[i]);
                    }
                    else
                    {
                        Parallel.For(0, batch.Length, options, i => results[i] = map(batch[i]));
                    }
                    foreach (var r in results) yield return r;
                }
            }
            // The channel is complete: the reader is done, and a failure it hit after its last batch surfaces here.
            reader.Join();
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }
    }

    /// <summary>Reads the source into batches until it ends, fails (returned) or the consumer stops; always completes the channel.</summary>
    private static Exception? Fill<TIn>(IEnumerable<TIn> source, int batchSize, ChannelWriter<TIn[]> writer, CancellationToken cancellation)
    {
        try
        {
            var batch = new List<TIn>(batchSize);
            foreach (var item in source)
            {
                batch.Add(item);
                if (batch.Count == batchSize)
                {
                    Write(writer, batch.ToArray(), cancellation);
                    batch.Clear();
                }
            }
            if (batch.Count > 0) Write(writer, batch.ToArray(), cancellation);
            return null;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return null; // the consumer stopped reading
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>Writes a batch, blocking this (the reader's own) thread while the channel is full.</summary>
    private static void Write<TIn>(ChannelWriter<TIn[]> writer, TIn[] batch, CancellationToken cancellation)
    {
        while (!writer.TryWrite(batch))
        {
            if (!writer.WaitToWriteAsync(cancellation).AsTask().GetAwaiter().GetResult())
                throw new InvalidOperationException("the batch channel was completed while the reader was writing");
        }
    }
}
