using System.Diagnostics;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.ML.Sparse;
using TopicModel.ML.Text;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Scoring;

namespace TopicModel.Bench;

/// <summary>
/// `score-profile BUNDLE INPUT.jsonl [N]`: a stopwatch breakdown of scoring on one thread, stage by stage as
/// <see cref="BatchScorer"/> runs them for the bundle's pipeline: read + parse, text features (of which normalize
/// + tokenize), rule features (one keyword match serves the features and the blend with the rules' vote), LDA
/// fold-in, classifier predict, top-k + JSONL output;
/// then the whole of <see cref="BatchScorer.Classify(Paper, IPaperClassifier, int, ML.Lda.LdaModel?)"/> as a check
/// that the parts add up. Each stage runs over all N papers twice and the second pass is kept (the first warms the
/// JIT's tiers). Times are the process's CPU time: on a shared machine wall time says little.
/// </summary>
public static class ScoreProfile
{
    public static void Run(string bundlePath, string input, int limit)
    {
        var bundle = ModelBundleFile.Load(bundlePath);
        if (bundle.Classifier is not TextClassifier classifier)
            throw new InvalidOperationException($"{bundlePath}: the profile needs a TextClassifier bundle");
        var lda = bundle.Lda;
        var papers = new List<Paper>(limit);
        var read = Measure(() =>
        {
            papers.Clear();
            foreach (var item in PaperReader.Read(input))
            {
                if (item.Paper is { } p) papers.Add(p);
                if (papers.Count == limit) break;
            }
        });
        var n = papers.Count;

        var tokens = new TokenBuffer();
        var analyzer = classifier.Featurizer.Analyzer;
        var tokenize = Measure(() =>
        {
            foreach (var p in papers)
            {
                analyzer.Analyze(p.Title, tokens);
                analyzer.Analyze(p.Abstract, tokens);
            }
        });
        var text = new SparseVector[n];
        var textFeatures = Measure(() =>
        {
            for (var i = 0; i < n; i++) text[i] = classifier.Featurizer.Transform(TextClassifier.Fields(papers[i]));
        });
        var withRules = new SparseVector[n];
        var rules = Measure(() =>
        {
            for (var i = 0; i < n; i++) withRules[i] = TextClassifier.Combine(text[i], papers[i], classifier.Rules, classifier.RuleWeight);
        });
        var mixtures = new float[n][];
        var foldIn = lda is null ? 0 : Measure(() =>
        {
            for (var i = 0; i < n; i++) mixtures[i] = TextClassifier.TopicMixture(lda, papers[i]);
        });
        // The fixed part of fold-in: tokenizing, vocabulary look-ups and set-up, with the iterations cut to one.
        var oneIteration = lda?.WithInference(lda.Options.Inference, 1);
        var foldInFixed = oneIteration is null ? 0 : Measure(() =>
        {
            foreach (var p in papers) TextClassifier.TopicMixture(oneIteration, p);
        });
        var features = classifier.Lda is null ? withRules : new SparseVector[n];
        var probabilities = new float[classifier.Topics.Count];
        var predict = Measure(() =>
        {
            for (var i = 0; i < n; i++)
            {
                if (classifier.Lda is not null) features[i] = TextClassifier.Append(withRules[i], mixtures[i], classifier.TopicFeatureWeight);
                classifier.Model.PredictProbabilities(features[i], probabilities);
            }
        });
        var scored = new ScoredPaper[n];
        var whole = Measure(() =>
        {
            for (var i = 0; i < n; i++) scored[i] = BatchScorer.Classify(papers[i], classifier, 3, lda);
        });
        var write = Measure(() =>
        {
            using var writer = new ScoredPaperWriter(Stream.Null, OutputFormat.Jsonl, topicMixture: lda is not null);
            foreach (var s in scored) writer.Write(s);
        });

        var parts = new (string Stage, double Seconds)[]
        {
            ("read + parse JSONL", read),
            ("text features", textFeatures),
            ("rule features (keyword matching)", rules),
            ($"LDA fold-in ({lda?.Options.Inference}, at most {lda?.Options.InferenceIterations} iterations)", foldIn),
            ("classifier predict", predict),
            ("top-k + write JSONL", write),
        };
        var total = parts.Sum(p => p.Seconds);
        Console.WriteLine($"{n:N0} papers, one thread, CPU µs per paper (second pass of each stage):");
        Console.WriteLine($"| stage | µs per paper | share |");
        Console.WriteLine($"|---|---:|---:|");
        foreach (var (stage, seconds) in parts)
        {
            Console.WriteLine($"| {stage} | {seconds / n * 1e6:F1} | {seconds / total:P0} |");
            if (stage == "text features") Console.WriteLine($"| — of which normalize + tokenize | {tokenize / n * 1e6:F1} | |");
            if (stage.StartsWith("LDA", StringComparison.Ordinal) && lda is not null)
                Console.WriteLine($"| — of which tokenize, look up, set up (one {lda.Options.Inference} iteration) | {foldInFixed / n * 1e6:F1} | |");
        }
        Console.WriteLine($"| **sum** | **{total / n * 1e6:F1}** | = {n / total:N0} papers per CPU-second |");
        Console.WriteLine($"check: BatchScorer.Classify as one call {whole / n * 1e6:F1} µs per paper (the parts without read and write: {(total - read - write) / n * 1e6:F1})");
    }

    /// <summary>CPU seconds of the second of two runs: the first lets the JIT reach its optimized tier.</summary>
    private static double Measure(Action action)
    {
        action();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }
}
