using TopicModel.ML.Metrics;

namespace TopicModel.Bench;

/// <summary>
/// `f1 GOLD.ft PREDICTIONS CLASSES.txt`: macro-F1 of `fasttext predict` output (one __label__X per line)
/// against the labels of a fastText-format file, with the same evaluator our models are measured by.
/// </summary>
public static class FastTextF1
{
    private const string Prefix = "__label__";

    public static void Run(string goldPath, string predictionsPath, string classesPath)
    {
        var classes = File.ReadAllLines(classesPath).Where(l => l.Length > 0).ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var gold = File.ReadLines(goldPath).Select(l => index[Label(l)]).ToArray();
        var predicted = File.ReadLines(predictionsPath).Select(l => index[Label(l)]).ToArray();
        if (gold.Length != predicted.Length)
            throw new InvalidOperationException($"{goldPath} has {gold.Length} lines but {predictionsPath} has {predicted.Length}");
        var probabilities = predicted.Select(p =>
        {
            var row = new float[classes.Length];
            row[p] = 1f;
            return row;
        }).ToArray();
        var metrics = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(gold, probabilities, classes));
        Console.WriteLine($"RESULT macro_f1={metrics.MacroF1:F4}");
        Console.WriteLine($"RESULT accuracy={metrics.MicroAccuracy:F4}");
    }

    private static string Label(string line)
    {
        var token = line.Split(' ', 2)[0];
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) throw new InvalidOperationException($"not a fastText label: '{token}'");
        return token[Prefix.Length..];
    }
}
