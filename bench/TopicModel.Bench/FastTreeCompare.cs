using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TopicModel.ML.Data;
using TopicModel.ML.Sparse;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;

namespace TopicModel.Bench;

/// <summary>
/// The FastTree side of bench/fasttree_compare.sh. "export" writes identical features for both libraries
/// (svmlight, 0-based feature indices, class index labels) plus meta.txt (dimension, class names);
/// "fit" trains FastTree on train.svm, prints the fit time and writes fasttree.pred for test.svm.
/// </summary>
public static class FastTreeCompare
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Run(string[] args)
    {
        switch (args[0])
        {
            case "fasttree-export" when args[1] == "arxiv":
                ExportArxiv(args[2], args[3], args.Length > 4 ? int.Parse(args[4], Invariant) : 14);
                break;
            case "fasttree-export" when args[1] == "seed":
                ExportSeed(args[2]);
                break;
            case "fasttree-fit":
                Fit(args[1], int.Parse(args[2], Invariant), int.Parse(args[3], Invariant), float.Parse(args[4], Invariant),
                    int.Parse(args[5], Invariant), args.Length > 6 ? int.Parse(args[6], Invariant) : null,
                    args.Length > 7 ? float.Parse(args[7], Invariant) : new FastTreeOptions().L2Regularization);
                break;
            default:
                throw new ArgumentException("usage: fasttree-export arxiv <jsonl> <dir> [hashBits] | fasttree-export seed <dir> | fasttree-fit <dir> <trees> <leaves> <learningRate> <minLeaf> [threads] [l2]");
        }
    }

    /// <summary>First arXiv category as the label (categories with under 20 papers pooled as "rare"); a seeded 80/20 split.</summary>
    private static void ExportArxiv(string jsonl, string dir, int hashBits)
    {
        var papers = File.ReadLines(jsonl).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return (Text: r.GetProperty("title").GetString() + " " + r.GetProperty("abstract").GetString(),
                Label: r.GetProperty("arxiv_categories")[0].GetString()!);
        }).ToList();
        var counts = papers.GroupBy(p => p.Label).ToDictionary(g => g.Key, g => g.Count());
        var labels = papers.Select(p => counts[p.Label] >= 20 ? p.Label : "rare").ToArray();
        var order = Enumerable.Range(0, papers.Count).ToArray();
        new Random(42).Shuffle(order);
        var cut = papers.Count * 4 / 5;
        var options = new TextFeaturizerOptions { TermSpace = TermSpace.Hashing, HashBits = hashBits, MaxWordNgramLength = 1 };
        Write(dir, [.. order[..cut].Select(i => papers[i].Text)], [.. order[..cut].Select(i => labels[i])],
            [.. order[cut..].Select(i => papers[i].Text)], [.. order[cut..].Select(i => labels[i])], options);
    }

    /// <summary>Train on the first seed digest, test on the second, labeled by the taxonomy keyword rule the trainer tests use.</summary>
    private static void ExportSeed(string dir)
    {
        var root = SeedDigests.FindRoot();
        var digests = Directory.GetFiles(Path.Combine(root, "data", "digests"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        using var taxonomy = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "data", "taxonomy.json")));
        var topics = taxonomy.RootElement.GetProperty("topics").EnumerateArray()
            .Select(t => (Id: t.GetProperty("id").GetString()!,
                Keywords: t.GetProperty("keywords").EnumerateArray().Select(k => TextNormalizer.Canonical(k.GetString()!)).ToArray()))
            .ToList();
        string Label(string[] p)
        {
            string title = " " + TextNormalizer.Canonical(p[0]) + " ", body = " " + TextNormalizer.Canonical(p[1]) + " ";
            var (best, bestScore) = ("other", 0);
            foreach (var (id, keywords) in topics)
            {
                var score = keywords.Sum(k => 2 * Occurrences(title, k) + Occurrences(body, k));
                if (score > bestScore) (best, bestScore) = (id, score);
            }
            return best;
        }
        var train = SeedDigests.Read(digests[0]).ToArray();
        var test = SeedDigests.Read(digests[1]).ToArray();
        var options = new TextFeaturizerOptions { TermSpace = TermSpace.Hashing, HashBits = 14, MaxWordNgramLength = 1 };
        Write(dir, [.. train.Select(p => p[0] + " " + p[1])], [.. train.Select(Label)], [.. test.Select(p => p[0] + " " + p[1])], [.. test.Select(Label)], options);
    }

    private static int Occurrences(string text, string keyword)
    {
        var needle = " " + keyword + " ";
        var count = 0;
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    private static void Write(string dir, string[] trainText, string[] trainLabels, string[] testText, string[] testLabels, TextFeaturizerOptions options)
    {
        Directory.CreateDirectory(dir);
        var featurizer = new TextFeaturizer(options).Fit([.. trainText.Select(t => new[] { t })]);
        var classes = trainLabels.Concat(testLabels).Distinct().Order(StringComparer.Ordinal).ToList();
        void Svm(string path, string[] text, string[] labels)
        {
            using var w = new StreamWriter(path);
            for (var i = 0; i < text.Length; i++)
            {
                var x = featurizer.Transform(text[i]);
                var line = new StringBuilder().Append(classes.IndexOf(labels[i]));
                for (var n = 0; n < x.Count; n++) line.Append(' ').Append(x.Indices[n]).Append(':').Append(x.Values[n].ToString("R", Invariant));
                w.WriteLine(line);
            }
        }
        Svm(Path.Combine(dir, "train.svm"), trainText, trainLabels);
        Svm(Path.Combine(dir, "test.svm"), testText, testLabels);
        File.WriteAllLines(Path.Combine(dir, "meta.txt"), [featurizer.Dimension.ToString(Invariant), .. classes]);
        Console.WriteLine($"{dir}: {trainText.Length} train, {testText.Length} test, {featurizer.Dimension} features, {classes.Count} classes");
    }

    private static void Fit(string dir, int trees, int leaves, float learningRate, int minLeaf, int? threads, float l2)
    {
        var meta = File.ReadAllLines(Path.Combine(dir, "meta.txt"));
        var dimension = int.Parse(meta[0], Invariant);
        var classes = meta[1..];
        var train = Read(Path.Combine(dir, "train.svm"), dimension, classes);
        var test = Read(Path.Combine(dir, "test.svm"), dimension, classes);
        var options = new FastTreeOptions
        {
            NumberOfTrees = trees, NumberOfLeaves = leaves, LearningRate = learningRate, MinimumExampleCountPerLeaf = minLeaf, NumberOfThreads = threads,
            L2Regularization = l2,
        };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var model = new FastTree(options).FitModel(train);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var p = new float[classes.Length];
        File.WriteAllLines(Path.Combine(dir, "fasttree.pred"), test.Rows.Select(r =>
        {
            model.PredictProbabilities(r, p);
            return Array.IndexOf(p, p.Max()).ToString(Invariant);
        }));
        Console.WriteLine($"fasttree fit_seconds={watch.Elapsed.TotalSeconds:F2} fit_cpu_seconds={cpu.TotalSeconds:F2}");
    }

    private static MulticlassDataset Read(string path, int dimension, string[] classes)
    {
        var rows = new List<SparseVector>();
        var labels = new List<int>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            labels.Add(int.Parse(parts[0], Invariant));
            var indices = new int[parts.Length - 1];
            var values = new float[parts.Length - 1];
            for (var n = 1; n < parts.Length; n++)
            {
                var colon = parts[n].IndexOf(':');
                indices[n - 1] = int.Parse(parts[n].AsSpan(0, colon), Invariant);
                values[n - 1] = float.Parse(parts[n].AsSpan(colon + 1), Invariant);
            }
            rows.Add(new SparseVector(dimension, indices, values));
        }
        return new MulticlassDataset(rows, [.. labels], classes);
    }
}
