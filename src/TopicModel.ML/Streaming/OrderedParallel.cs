using System.Threading.Channels;

namespace TopicModel.ML.Streaming;

/// <summary>
/// Maps a (possibly endless) stream on all cores and yields the results in input order, holding at
/// most a few batches in memory: a reader task fills fixed-size batches into a bounded channel while
/// the caller's thread maps the current batch with a parallel loop and yields it.
/// </summary>
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
        var batches = Channel.CreateBounded<TIn[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var reader = Task.Run(() => Fill(source, batchSize, batches.Writer, stop.Token), stop.Token);
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
            // Surfaces an exception the reader hit after its last batch.
            reader.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try { reader.Wait(); }
            catch (AggregateException) { /* the reader's failure was already surfaced through the channel */ }
        }
    }

    private static async Task Fill<TIn>(IEnumerable<TIn> source, int batchSize, ChannelWriter<TIn[]> writer, CancellationToken cancellation)
    {
        try
        {
            var batch = new List<TIn>(batchSize);
            foreach (var item in source)
            {
                batch.Add(item);
                if (batch.Count == batchSize)
                {
                    await writer.WriteAsync(batch.ToArray(), cancellation).ConfigureAwait(false);
                    batch.Clear();
                }
            }
            if (batch.Count > 0) await writer.WriteAsync(batch.ToArray(), cancellation).ConfigureAwait(false);
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }
}
