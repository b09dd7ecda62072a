using System.Text.Json;
using TopicModel.ML.Data;
using TopicModel.ML.Sparse;
using TopicModel.ML.Text;
using TopicModel.TestSupport;

namespace TopicModel.ML.Tests.Trainers;

/// <summary>
/// Real data for trainer tests: the shipped training digest (000_) and held-out digest (001_), read by a
/// test-local reader, labeled by a simple keyword rule on data/taxonomy.json and turned into
/// l2-normalized log-count bag-of-words rows over the training vocabulary. Deliberately independent of the
/// production reader and featurizer so trainer tests do not move when those change.
/// </summary>
public sealed class DigestFixture
{
    private static readonly Lazy<DigestFixture> Shared = new(Build);

    private DigestFixture(MulticlassDataset train, MulticlassDataset test, IReadOnlyList<string> vocabulary)
    {
        Train = train;
        Test = test;
        Vocabulary = vocabulary;
    }

    public static DigestFixture Instance => Shared.Value;

    public MulticlassDataset Train { get; }
    public MulticlassDataset Test { get; }
    public IReadOnlyList<string> Vocabulary { get; }

    private static DigestFixture Build()
    {
        var topics = ReadTaxonomy(RepoPaths.Taxonomy);
        var trainPapers = ReadTrainingDigest(RepoPaths.TrainingDigest);
        var testPapers = ReadHeldOutDigest(RepoPaths.HeldOutDigest);
        var trainTokens = trainPapers.Select(p => Tokens(p.Title + " " + p.Abstract)).ToList();
        var testTokens = testPapers.Select(p => Tokens(p.Title + " " + p.Abstract)).ToList();

        // Words in at least two training papers: rarer ones cannot generalize and only add noise.
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in trainTokens)
        {
            foreach (var word in doc.Distinct())
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
        }
        var vocabulary = documentFrequency.Where(e => e.Value >= 2).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        var index = vocabulary.Select((w, i) => (w, i)).ToDictionary(e => e.w, e => e.i, StringComparer.Ordinal);

        var classNames = topics.Select(t => t.Id).ToList();
        MulticlassDataset ToDataset(List<(string Title, string Abstract)> papers, List<List<string>> tokens) => new(
            tokens.Select(t => Featurize(t, index)).ToList(),
            papers.Select(p => Label(p.Title, p.Abstract, topics)).ToArray(),
            classNames);
        return new DigestFixture(ToDataset(trainPapers, trainTokens), ToDataset(testPapers, testTokens), vocabulary);
    }

    private sealed record Topic(string Id, string[] Keywords);

    private static List<Topic> ReadTaxonomy(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("topics").EnumerateArray()
            .Select(t => new Topic(
                t.GetProperty("id").GetString()!,
                t.GetProperty("keywords").EnumerateArray().Select(k => TextNormalizer.Canonical(k.GetString()!)).ToArray()))
            .ToList();
    }

    /// <summary>000_: header lines, then title/abstract line pairs; the first title is glued after "Subscribe".</summary>
    internal static List<(string Title, string Abstract)> ReadTrainingDigest(string path)
    {
        var lines = File.ReadAllLines(path);
        var first = Array.FindIndex(lines, l => l.StartsWith("Subscribe", StringComparison.Ordinal));
        lines[first] = lines[first]["Subscribe".Length..];
        return Pairs(lines.Skip(first).ToList());
    }

    /// <summary>001_: after the "Mar 14" date line, non-blank lines alternate title and abstract.</summary>
    internal static List<(string Title, string Abstract)> ReadHeldOutDigest(string path)
    {
        var lines = File.ReadAllLines(path);
        var date = Array.FindIndex(lines, l => l.Trim() == "Mar 14");
        return Pairs(lines.Skip(date + 1).Where(l => !string.IsNullOrWhiteSpace(l)).ToList());
    }

    private static List<(string Title, string Abstract)> Pairs(List<string> lines)
    {
        var papers = new List<(string, string)>();
        for (var i = 0; i + 1 < lines.Count; i += 2) papers.Add((lines[i].Trim(), lines[i + 1].Trim()));
        return papers;
    }

    /// <summary>The topic whose keywords occur most (title hits count double); "other" when none occur.</summary>
    private static int Label(string title, string abstractText, List<Topic> topics)
    {
        var titleText = " " + TextNormalizer.Canonical(title) + " ";
        var bodyText = " " + TextNormalizer.Canonical(abstractText) + " ";
        var best = topics.FindIndex(t => t.Id == "other");
        var bestScore = 0;
        for (var t = 0; t < topics.Count; t++)
        {
            var score = 0;
            foreach (var keyword in topics[t].Keywords)
                score += 2 * Occurrences(titleText, keyword) + Occurrences(bodyText, keyword);
            if (score > bestScore) (best, bestScore) = (t, score);
        }
        return best;
    }

    private static int Occurrences(string text, string keyword)
    {
        var needle = " " + keyword + " ";
        var count = 0;
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }

    private static List<string> Tokens(string text) =>
        WordTokenizer.Tokens(TextNormalizer.Fold(text)).Where(t => !StopWords.English.Contains(t) && t.Length > 1).ToList();

    private static SparseVector Featurize(List<string> tokens, Dictionary<string, int> index)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var t in tokens)
        {
            if (index.TryGetValue(t, out var j)) counts[j] = counts.GetValueOrDefault(j) + 1;
        }
        var values = counts.Values.Select(c => (float)Math.Log(1 + c)).ToArray();
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < values.Length; i++) values[i] /= norm;
        }
        return new SparseVector(index.Count, counts.Keys.ToArray(), values);
    }
}
