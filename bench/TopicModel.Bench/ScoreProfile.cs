using System.Diagnostics;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.Training.Bundles;
using TopicModel.Training.Scoring;

namespace TopicModel.Bench;

/// <summary>
/// `score-profile BUNDLE INPUT.jsonl [N]`: a stopwatch breakdown of scoring on one thread: reading and
/// parsing the input, featurizing, the model's predict, choosing the top topics, and writing JSONL.
/// Times are CPU time of the process (the machine is shared, so wall time says little).
/// </summary>
public static class ScoreProfile
{
    public static void Run(string bundlePath, string input, int limit)
    {
        var bundle = ModelBundleFile.Load(bundlePath);
        var classifier = bundle.Classifier;
        var papers = new List<Paper>(limit);

        foreach (var item in PaperReader.Read(input).Take(2000)) { _ = item; }
        var read = Measure(() =>
        {
            foreach (var item in PaperReader.Read(input))
            {
                if (item.Paper is { } p) papers.Add(p);
                if (papers.Count == limit) break;
            }
        });
        var tokens = new ML.Text.TokenBuffer();
        var analyzer = classifier.Featurizer.Analyzer;
        var analyze = Measure(() =>
        {
            foreach (var p in papers)
            {
                analyzer.Analyze(p.Title, tokens);
                analyzer.Analyze(p.Abstract, tokens);
            }
        });
        var vectors = new ML.Sparse.SparseVector[papers.Count];
        var featurize = Measure(() =>
        {
            for (var i = 0; i < papers.Count; i++) vectors[i] = classifier.Featurize(papers[i]);
        });
        var probabilities = new float[classifier.Topics.Count];
        var predict = Measure(() =>
        {
            foreach (var v in vectors) classifier.Model.PredictProbabilities(v, probabilities);
        });
        var scored = new ScoredPaper[papers.Count];
        var classify = Measure(() =>
        {
            for (var i = 0; i < papers.Count; i++) scored[i] = BatchScorer.Classify(papers[i], classifier, 3);
        });
        var write = Measure(() =>
        {
            using var writer = new ScoredPaperWriter(Stream.Null, OutputFormat.Jsonl);
            foreach (var s in scored) writer.Write(s);
        });
        var n = (double)papers.Count;
        Console.WriteLine($"{papers.Count:N0} papers, one thread, CPU µs per paper:");
        Console.WriteLine($"  read + parse JSONL      {read / n * 1e6,8:F1}");
        Console.WriteLine($"  featurize               {featurize / n * 1e6,8:F1}");
        Console.WriteLine($"    of which tokenize     {analyze / n * 1e6,8:F1}");
        Console.WriteLine($"  model predict           {predict / n * 1e6,8:F1}");
        Console.WriteLine($"  classify (feat+pred+top){classify / n * 1e6,8:F1}");
        Console.WriteLine($"  write JSONL             {write / n * 1e6,8:F1}");
        Console.WriteLine($"  => read + classify + write: {(read + classify + write) / n * 1e6:F1} µs = {n / (read + classify + write):N0} papers per CPU-second");
    }

    private static double Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }
}
