using System.Diagnostics;
using TopicModel.DataPrep.Ingestion;
using TopicModel.Embeddings;
using TopicModel.Training.Pipelines;

namespace TopicModel.Bench;

/// <summary>
/// Sentence-encoder throughput on real papers (the forward test set, title + abstract), without the cache: wall-clock
/// papers/s on one core and on all cores, and papers per CPU-second (what a shared, noisy machine can still compare).
/// </summary>
public static class EmbedThroughput
{
    public static void Run(string encoderName, string papersPath, int count)
    {
        var texts = PaperReader.ReadFile(papersPath).Papers.Take(count).Select(TextClassifier.EmbeddingText).ToArray();
        var encoder = SentenceEncoderCatalog.Open(encoderName, cacheRoot: null);
        var tokens = texts.Average(t => encoder.Tokenize(t).Length);
        encoder.Embed(texts.Take(2).ToArray());
        Console.WriteLine($"{encoderName}: {texts.Length} papers, {tokens:0} word pieces on average (cut at {encoder.Spec.MaxTokens}), load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        foreach (var cores in new[] { 1, Environment.ProcessorCount })
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            encoder.Embed(texts, maxDegreeOfParallelism: cores);
            var wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"  {cores} core(s): {texts.Length / wall:0.0} papers/s wall, {texts.Length / cpuSeconds:0.0} papers per CPU-second");
        }
    }
}
