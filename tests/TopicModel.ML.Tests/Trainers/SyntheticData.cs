using TopicModel.ML.Data;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Tests.Trainers;

/// <summary>Seeded synthetic classification problems with known structure.</summary>
public static class SyntheticData
{
    /// <summary>
    /// Bag-of-words-like data: each class owns a block of "topic" features; a document draws most words from
    /// its class's block and the rest from all features, so classes overlap but are learnable.
    /// Rows are l2-normalized.
    /// </summary>
    public static MulticlassDataset Topics(int examples, int classes, int features, int wordsPerDocument, double topicShare, int seed, bool weighted = false)
    {
        var random = new Random(seed);
        var block = features / classes;
        var rows = new List<SparseVector>(examples);
        var labels = new int[examples];
        var weights = weighted ? new float[examples] : null;
        for (var i = 0; i < examples; i++)
        {
            var y = random.Next(classes);
            labels[i] = y;
            if (weights is not null) weights[i] = 0.25f + 1.75f * (float)random.NextDouble();
            var counts = new SortedDictionary<int, float>();
            for (var w = 0; w < wordsPerDocument; w++)
            {
                var j = random.NextDouble() < topicShare ? y * block + random.Next(block) : random.Next(features);
                counts[j] = counts.GetValueOrDefault(j) + 1;
            }
            rows.Add(Normalized(features, counts));
        }
        return new MulticlassDataset(rows, labels, Names(classes), weights);
    }

    /// <summary>Every document contains one feature unique to its class, so a linear model can separate them perfectly.</summary>
    public static MulticlassDataset Separable(int examples, int classes, int seed)
    {
        var random = new Random(seed);
        const int noiseFeatures = 20;
        var rows = new List<SparseVector>(examples);
        var labels = new int[examples];
        for (var i = 0; i < examples; i++)
        {
            var y = i % classes;
            labels[i] = y;
            var counts = new SortedDictionary<int, float> { [y] = 1 };
            for (var w = 0; w < 4; w++)
            {
                var j = classes + random.Next(noiseFeatures);
                counts[j] = counts.GetValueOrDefault(j) + 1;
            }
            rows.Add(Normalized(classes + noiseFeatures, counts));
        }
        return new MulticlassDataset(rows, labels, Names(classes));
    }

    public static string[] Names(int classes) => Enumerable.Range(0, classes).Select(k => $"class{k}").ToArray();

    private static SparseVector Normalized(int dimension, SortedDictionary<int, float> counts)
    {
        var values = counts.Values.ToArray();
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        for (var i = 0; i < values.Length; i++) values[i] /= norm;
        return new SparseVector(dimension, counts.Keys.ToArray(), values);
    }
}
