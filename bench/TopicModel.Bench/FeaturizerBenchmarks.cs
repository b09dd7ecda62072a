using BenchmarkDotNet.Attributes;
using TopicModel.ML.Sparse;
using TopicModel.ML.Text;

namespace TopicModel.Bench;

/// <summary>Fit and transform on the seed digests' titles and abstracts; transform times are per document.</summary>
[MemoryDiagnoser]
public class FeaturizerBenchmarks
{
    private const int SeedPaperCount = 328;

    private string[][] _papers = [];
    private TextFeaturizerOptions _options = new();
    private FittedTextFeaturizer? _fitted;

    [Params("hashing-12-tfidf", "dictionary-12-tfidf", "hashing-12-char35-tfidf")]
    public string Configuration { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _papers = SeedDigests.Papers();
        if (_papers.Length != SeedPaperCount)
            throw new InvalidOperationException($"expected {SeedPaperCount} seed papers, read {_papers.Length}");
        _options = FeaturizerConfigurations.All[Configuration];
        _fitted = new TextFeaturizer(_options).Fit(_papers);
    }

    [Benchmark]
    public int Fit() => new TextFeaturizer(_options).Fit(_papers).Dimension;

    [Benchmark(OperationsPerInvoke = SeedPaperCount)]
    public int TransformPerDocument()
    {
        var total = 0;
        foreach (var paper in _papers)
        {
            SparseVector vector = _fitted!.Transform(paper);
            total += vector.Count;
        }
        return total;
    }
}
