using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML.Data;
using TopicModel.ML.Metrics;
using TopicModel.ML.Sparse;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;

namespace TopicModel.Bench;

/// <summary>
/// `train TRAIN.jsonl HELDOUT.jsonl CLASSES.txt BUNDLE.zip`: fits the default text featurizer and
/// SdcaMaximumEntropy on a scale-corpus training set (timed, reading excluded), reports macro-F1 on the
/// held-out papers, and saves the classifier as a model bundle that `topicmodel score` can load.
/// Prints `RESULT key=value` lines for bench/compare.sh.
/// </summary>
public static class TrainBench
{
    public static void Run(string trainPath, string heldOutPath, string classesPath, string bundlePath)
    {
        var classes = File.ReadAllLines(classesPath).Where(l => l.Length > 0).ToArray();
        var readClock = Stopwatch.StartNew();
        var (train, trainLabels) = Read(trainPath, classes);
        var (test, testLabels) = Read(heldOutPath, classes);
        Console.WriteLine($"read {train.Length:N0} training and {test.Length:N0} held-out papers in {readClock.Elapsed.TotalSeconds:F1} s (not timed)");

        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var featurizer = new TextFeaturizer(new TextFeaturizerOptions()).Fit(train);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var rows = featurizer.TransformAll(train);
        var transformSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var trainer = new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { Seed = 42 });
        var model = trainer.FitModel(new MulticlassDataset(rows, trainLabels, classes));
        var sdcaSeconds = clock.Elapsed.TotalSeconds;
        var trainSeconds = total.Elapsed.TotalSeconds;

        var probabilities = new float[test.Length][];
        Parallel.For(0, test.Length, i =>
        {
            probabilities[i] = new float[classes.Length];
            model.PredictProbabilities(featurizer.Transform(test[i]), probabilities[i]);
        });
        var metrics = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(testLabels, probabilities, classes));
        long nnz = 0;
        foreach (var r in rows) nnz += r.Count;

        Console.WriteLine($"featurizer: {featurizer.Dimension:N0} features, {nnz / (double)rows.Length:F0} non-zeros per paper; SDCA: {classes.Length} classes");
        Console.WriteLine($"training: featurizer fit {fitSeconds:F2} s + transform {transformSeconds:F2} s + SDCA {sdcaSeconds:F2} s = {trainSeconds:F2} s");
        Console.WriteLine($"held-out: macro-F1 {metrics.MacroF1:F4}, micro-accuracy {metrics.MicroAccuracy:F4}");
        Console.WriteLine($"RESULT train_seconds={trainSeconds:F3}");
        Console.WriteLine($"RESULT featurize_seconds={fitSeconds + transformSeconds:F3}");
        Console.WriteLine($"RESULT sdca_seconds={sdcaSeconds:F3}");
        Console.WriteLine($"RESULT macro_f1={metrics.MacroF1:F4}");
        Console.WriteLine($"RESULT accuracy={metrics.MicroAccuracy:F4}");

        SaveBundle(bundlePath, classes, new TextClassifier(featurizer, model), train.Length);
        Console.WriteLine($"bundle: {bundlePath}");
    }

    private static (string[][] Documents, int[] Labels) Read(string path, string[] classes)
    {
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var documents = new List<string[]>();
        var labels = new List<int>();
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            documents.Add(TextClassifier.Fields(new Paper("", root.GetProperty("title").GetString()!, root.GetProperty("abstract").GetString()!, "", null, null, 0)));
            labels.Add(index[root.GetProperty("label").GetString()!]);
        }
        return (documents.ToArray(), labels.ToArray());
    }

    private static void SaveBundle(string path, string[] classes, TextClassifier classifier, int papers)
    {
        var taxonomyJson = JsonSerializer.SerializeToUtf8Bytes(new
        {
            name = "arxiv-first-category",
            version = 1,
            about = "First arXiv category of a paper; the rare ones pooled in 'other' (bench scale corpus).",
            topics = classes.Select(c => new { id = c, name = c, description = c, keywords = Array.Empty<string>() }),
        });
        var taxonomy = TaxonomyReader.Parse(Encoding.UTF8.GetString(taxonomyJson), "taxonomy.json");
        var manifest = new JsonObject
        {
            ["name"] = Path.GetFileNameWithoutExtension(path),
            ["trainer"] = new JsonObject { ["name"] = SdcaMaximumEntropy.TrainerName },
            ["featureCount"] = classifier.Featurizer.Dimension,
            ["data"] = new JsonObject { ["trainingPapers"] = papers },
        };
        ModelBundleFile.Save(path, new ModelBundle(manifest, taxonomy, taxonomyJson, classifier));
    }
}
