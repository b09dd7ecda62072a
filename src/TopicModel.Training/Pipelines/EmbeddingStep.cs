using System.Diagnostics;
using TopicModel.Embeddings;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// The training run's embedding step: before the search, every document of the corpus (labeled, pool and taxonomy
/// papers) is embedded once by each encoder the search may choose, through the on-disk cache, so trials only append
/// vectors and a repeated run reads them back.
/// </summary>
public static class EmbeddingStep
{
    public static IReadOnlyList<DocumentEmbeddings> Embed(
        TrainingCorpus corpus, IReadOnlyList<string> encoders, string? cacheRoot, Action<string>? log = null, CancellationToken cancellation = default)
    {
        var texts = corpus.Documents.Select(d => TextClassifier.EmbeddingText(d.Paper)).ToArray();
        var result = new List<DocumentEmbeddings>();
        foreach (var name in encoders)
        {
            var clock = Stopwatch.StartNew();
            var encoder = SentenceEncoderCatalog.Open(name, cacheRoot);
            var cached = encoder.Cache is { } cache ? texts.Count(t => File.Exists(cache.PathOf(t))) : 0;
            log?.Invoke($"embedding {texts.Length} papers with {name} ({cached} in the cache{(encoder.Cache is { } c ? $" {c.Directory}" : "")})");
            var lastReport = Stopwatch.StartNew();
            var vectors = encoder.Embed(texts, progress: n =>
            {
                lock (lastReport)
                {
                    if (lastReport.Elapsed.TotalSeconds < 15) return;
                    lastReport.Restart();
                }
                log?.Invoke($"  {name}: {n}/{texts.Length} papers, {clock.Elapsed.TotalSeconds:0} s");
            }, cancellation: cancellation);
            log?.Invoke($"{name}: {texts.Length} papers in {clock.Elapsed.TotalSeconds:0.0} s ({texts.Length - cached} embedded, {cached} from the cache)");
            result.Add(new DocumentEmbeddings(encoder, vectors));
        }
        return result;
    }
}
