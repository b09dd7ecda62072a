using System.Diagnostics;
using TopicModel.ML.Text;

namespace TopicModel.Bench;

/// <summary>
/// Documents per second of Transform on the seed papers repeated to a synthetic stream, on one
/// thread and on all cores: the number the scorer's throughput depends on.
/// </summary>
public static class Throughput
{
    public static void Run(int documents)
    {
        var papers = SeedDigests.Papers();
        Console.WriteLine($"{papers.Length} seed papers repeated to {documents:N0} documents, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"configuration",-26} {"dimension",10} {"fit ms",8} {"docs/s 1 thread",16} {"docs/s all cores",17}");
        foreach (var (name, options) in FeaturizerConfigurations.All)
        {
            var fitClock = Stopwatch.StartNew();
            var fitted = new TextFeaturizer(options).Fit(papers);
            var fitMs = fitClock.Elapsed.TotalMilliseconds;

            Measure(fitted, papers, papers.Length * 4, parallel: false);
            var serial = Measure(fitted, papers, documents, parallel: false);
            var parallel = Measure(fitted, papers, documents, parallel: true);
            Console.WriteLine($"{name,-26} {fitted.Dimension,10:N0} {fitMs,8:F0} {serial,16:N0} {parallel,17:N0}");
        }
    }

    private static double Measure(FittedTextFeaturizer fitted, string[][] papers, int documents, bool parallel)
    {
        long checksum = 0;
        var clock = Stopwatch.StartNew();
        if (parallel)
        {
            Parallel.For(0, documents, () => 0L,
                (i, _, local) => local + fitted.Transform(papers[i % papers.Length]).Count,
                local => Interlocked.Add(ref checksum, local));
        }
        else
        {
            for (var i = 0; i < documents; i++) checksum += fitted.Transform(papers[i % papers.Length]).Count;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        if (checksum == 0) throw new InvalidOperationException("no features produced");
        return documents / seconds;
    }
}
