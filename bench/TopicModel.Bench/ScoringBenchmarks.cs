using BenchmarkDotNet.Attributes;
using TopicModel.DataPrep.Papers;
using TopicModel.ML.Data;
using TopicModel.ML.Sparse;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Scoring;

namespace TopicModel.Bench;

/// <summary>
/// Per-document scoring through a bundle's classifier: featurize, the model's predict, and the whole
/// <see cref="BatchScorer.Classify(Paper, IPaperClassifier, int)"/> (featurize + predict + top 3), one thread.
/// Uses the bundle bench/compare.sh trains (bench/out/tm-100k.zip, 200k features, 14 arXiv classes, scoring
/// its held-out papers) when it exists, or TOPICMODEL_BUNDLE; otherwise a model fitted on the seed digests
/// with round-robin labels (right shape and vocabulary for timing, meaningless predictions).
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int Documents = 1000;
    private Paper[] _papers = [];
    private SparseVector[] _vectors = [];
    private TextClassifier _classifier = null!;
    private float[] _probabilities = [];

    public static string? BundlePath()
    {
        var path = Environment.GetEnvironmentVariable("TOPICMODEL_BUNDLE") ?? Path.Combine(SeedDigests.FindRoot(), "bench", "out", "tm-100k.zip");
        return File.Exists(path) ? path : null;
    }

    [GlobalSetup]
    public void Setup()
    {
        if (BundlePath() is { } bundle)
        {
            _classifier = ModelBundleFile.Load(bundle).Classifier;
            var heldOut = Path.Combine(Path.GetDirectoryName(bundle)!, "heldout.jsonl");
            _papers = File.ReadLines(heldOut).Take(Documents).Select(line =>
            {
                using var doc = System.Text.Json.JsonDocument.Parse(line);
                var r = doc.RootElement;
                return new Paper("", r.GetProperty("title").GetString()!, r.GetProperty("abstract").GetString()!, "heldout", null, null, 0);
            }).ToArray();
        }
        else
        {
            var seed = SeedDigests.Papers();
            var documents = seed.Select(p => new[] { p[0], p[1] }).ToArray();
            var featurizer = new TextFeaturizer().Fit(documents);
            var classes = Enumerable.Range(0, 14).Select(k => $"t{k}").ToArray();
            var data = new MulticlassDataset(featurizer.TransformAll(documents), Enumerable.Range(0, seed.Length).Select(i => i % classes.Length).ToArray(), classes);
            _classifier = new TextClassifier(featurizer, new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { Seed = 1 }).Fit(data));
            _papers = Enumerable.Range(0, Documents).Select(i => seed[i % seed.Length]).Select(p => new Paper("", p[0], p[1], "seed", null, null, 0)).ToArray();
        }
        _vectors = _papers.Select(_classifier.Featurize).ToArray();
        _probabilities = new float[_classifier.Topics.Count];
    }

    [Benchmark(OperationsPerInvoke = Documents)]
    public int FeaturizePerDocument()
    {
        var total = 0;
        foreach (var p in _papers) total += _classifier.Featurize(p).Count;
        return total;
    }

    [Benchmark(OperationsPerInvoke = Documents)]
    public float PredictPerDocument()
    {
        var total = 0f;
        foreach (var v in _vectors)
        {
            _classifier.Model.PredictProbabilities(v, _probabilities);
            total += _probabilities[0];
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Documents)]
    public float ClassifyPerDocument()
    {
        var total = 0f;
        foreach (var p in _papers) total += BatchScorer.Classify(p, _classifier, 3).Probability;
        return total;
    }
}
