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
/// `score-profile BUNDLE INPUT.jsonl [N [components]]`: a stopwatch breakdown of scoring on one thread, stage by stage as
/// <see cref="BatchScorer"/> runs them for the bundle's pipeline: read (cut into lines), parse, the one pass over the paper's text that
/// the featurizer, the rules and the fold-in share (<see cref="ScoringLexicon"/>), text features, rule features, LDA
/// fold-in, classifier predict, top-k + JSONL output; with `components` (or when the bundle's components analyze text
/// differently), each component on its own path with its own tokenization, as before the one pass existed;
/// then the whole of <see cref="BatchScorer.Classify(Paper, IPaperClassifier, int, ML.Lda.LdaModel?)"/> as a check
/// that the parts add up. Each stage runs over all N papers four times and the fastest of the last three is kept (the
/// first warms the JIT's tiers). Times are the scoring thread's CPU time: on a shared machine wall time says little.
/// </summary>
public static class ScoreProfile
{
    public static void Run(string bundlePath, string input, int limit, bool components = false)
    {
        var bundle = ModelBundleFile.Load(bundlePath);
        if (bundle.Classifier is not TextClassifier classifier)
            throw new InvalidOperationException($"{bundlePath}: the profile needs a TextClassifier bundle");
        var lda = bundle.Lda;
        // As scoring reads: the reader thread cuts the input into lines, the workers parse them (ReaderOptions.DeferJsonlParsing).
        var papers = new List<Paper>(limit);
        var lines = new List<JsonlLine>(limit);
        var forScoring = BatchScorer.ForScoring(null);
        void Cut()
        {
            lines.Clear();
            foreach (var item in PaperReader.Read(input, forScoring))
            {
                lines.Add(item.Line!);
                if (lines.Count == limit) break;
            }
        }
        var read = Measure(Cut);
        // Each paper is dropped at once, as on a worker, where it is garbage soon after: timing the pass that keeps all N
        // (for the stages below) also timed the GC copying them out of the young generation, 3-8 µs a paper.
        var parse = Measure(() =>
        {
            Cut();
            foreach (var line in lines) line.Parse();
        }) - read;
        Cut();
        foreach (var line in lines)
        {
            if (line.Parse().Paper is { } p) papers.Add(p);
        }
        var n = papers.Count;

        var stages = !components && classifier.Lexicon is { } lexicon
            ? OnePassStages(classifier, lexicon, papers)
            : ComponentStages(classifier, papers);
        var scored = new ScoredPaper[n];
        var whole = Measure(() =>
        {
            for (var i = 0; i < n; i++) scored[i] = BatchScorer.Classify(papers[i], classifier, 3, lda);
        });
        var write = Measure(() =>
        {
            using var writer = new ScoredPaperWriter(Stream.Null, OutputFormat.Jsonl, topicMixture: lda is not null);
            foreach (var s in scored) writer.WriteJsonLine(ScoredPaperWriter.JsonLine(s, lda is not null));
        });

        var parts = new List<(string Stage, double Seconds)> { ("read: cut into lines (reader thread)", read), ("parse JSONL (worker: Utf8JsonReader)", parse) };
        parts.AddRange(stages.Where(s => !s.Stage.StartsWith('—')));
        parts.Add(("encode JSONL (worker) + write", write));
        var total = parts.Sum(p => p.Seconds);
        Console.WriteLine($"{n:N0} papers, one thread, CPU µs per paper (fastest of 3 passes of each stage after a warm-up):");
        Console.WriteLine($"| stage | µs per paper | share |");
        Console.WriteLine($"|---|---:|---:|");
        foreach (var (stage, seconds) in parts)
        {
            Console.WriteLine($"| {stage} | {seconds / n * 1e6:F1} | {seconds / total:P0} |");
            foreach (var (detail, detailSeconds) in stages.SkipWhile(s => s.Stage != stage).Skip(1).TakeWhile(s => s.Stage.StartsWith('—')))
                Console.WriteLine($"| {detail} | {detailSeconds / n * 1e6:F1} | |");
        }
        Console.WriteLine($"| **sum** | **{total / n * 1e6:F1}** | = {n / total:N0} papers per CPU-second |");
        var classifyBytes = Allocated(() =>
        {
            for (var i = 0; i < n; i++) BatchScorer.Classify(papers[i], classifier, 3, lda);
        });
        var parseBytes = Allocated(() =>
        {
            Cut();
            foreach (var line in lines) line.Parse();
        }) - Allocated(Cut);
        var encodeBytes = Allocated(() =>
        {
            foreach (var s in scored) ScoredPaperWriter.JsonLine(s, lda is not null);
        });
        Console.WriteLine($"allocated per paper (bytes, this thread): parse {parseBytes / n:N0}, BatchScorer.Classify {classifyBytes / n:N0}, encode JSONL {encodeBytes / n:N0}");
        Console.WriteLine($"check: BatchScorer.Classify as one call {whole / n * 1e6:F1} µs per paper (the parts without read, parse and write: {(total - read - parse - write) / n * 1e6:F1})");
    }

    /// <summary>
    /// The stages of <see cref="TextClassifier"/>'s one-pass prediction: one fold + tokenize + look-up of the paper
    /// (<see cref="ScoringLexicon.Read"/>), then each component from its result. The per-thread result lives until the next
    /// paper, so each later stage is timed together with the pass and the pass's own time is subtracted.
    /// </summary>
    private static List<(string Stage, double Seconds)> OnePassStages(TextClassifier classifier, ScoringLexicon lexicon, List<Paper> papers)
    {
        var lda = classifier.Lda;
        var rules = classifier.Rules;
        var pass = Measure(() => { foreach (var p in papers) lexicon.Read(p); });
        var text = Measure(() => { foreach (var p in papers) { var t = lexicon.Read(p); classifier.Featurizer.FromTermIds(t.FeatureIds, t.BlockEnds); } }) - pass;
        var ruleFeatures = rules is null ? 0 : Measure(() =>
        {
            Span<int> hits = stackalloc int[rules.Functions.Functions.Count];
            Span<float> block = stackalloc float[rules.Dimension];
            foreach (var p in papers)
            {
                var t = lexicon.Read(p);
                rules.Functions.CountHits(t.TitleKeywordTokens, t.AbstractKeywordTokens, hits);
                rules.Write(hits, block);
            }
        }) - pass;
        var foldIn = lda is null ? 0 : Measure(() => { foreach (var p in papers) lda.InferIds(lexicon.Read(p).LdaIds); }) - pass;
        // The fixed part of fold-in: the set-up and the last normalization, with the iterations cut to one.
        var oneIteration = lda?.WithInference(lda.Options.Inference, 1);
        var foldInFixed = oneIteration is null ? 0 : Measure(() => { foreach (var p in papers) oneIteration.InferIds(lexicon.Read(p).LdaIds); }) - pass;
        var predict = Measure(() =>
        {
            var probabilities = new float[classifier.Topics.Count];
            foreach (var p in papers) classifier.Predict(p, probabilities);
        }) - pass - text - ruleFeatures - foldIn;
        return
        [
            ("one pass: fold, tokenize, look up (lexicon)", pass),
            ("text features from the term ids", text),
            ("rule features from the looked-up tokens", ruleFeatures),
            ($"LDA fold-in ({lda?.Options.Inference}, at most {lda?.Options.InferenceIterations} iterations)", foldIn),
            ($"— of which set-up (one {lda?.Options.Inference} iteration)", foldInFixed),
            ("classifier predict (+ blocks, blend)", predict),
        ];
    }

    /// <summary>The stages when each component tokenizes on its own (no lexicon: the components analyze text differently).</summary>
    private static List<(string Stage, double Seconds)> ComponentStages(TextClassifier classifier, List<Paper> papers)
    {
        var n = papers.Count;
        var lda = classifier.Lda;
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
        var oneIteration = lda?.WithInference(lda.Options.Inference, 1);
        var foldInFixed = oneIteration is null ? 0 : Measure(() =>
        {
            foreach (var p in papers) TextClassifier.TopicMixture(oneIteration, p);
        });
        var features = lda is null ? withRules : new SparseVector[n];
        var probabilities = new float[classifier.Topics.Count];
        var predict = Measure(() =>
        {
            for (var i = 0; i < n; i++)
            {
                if (lda is not null) features[i] = TextClassifier.Append(withRules[i], mixtures[i], classifier.TopicFeatureWeight);
                classifier.Model.PredictProbabilities(features[i], probabilities);
            }
        });
        return
        [
            ("text features", textFeatures),
            ("— of which normalize + tokenize", tokenize),
            ("rule features (keyword matching)", rules),
            ($"LDA fold-in ({lda?.Options.Inference}, at most {lda?.Options.InferenceIterations} iterations)", foldIn),
            ($"— of which tokenize, look up, set up (one {lda?.Options.Inference} iteration)", foldInFixed),
            ("classifier predict", predict),
        ];
    }

    /// <summary>
    /// CPU seconds of this thread for the fastest of three runs after a first one that lets the JIT reach its optimized
    /// tier (on a loaded machine its background compiler can lag a run behind; the fastest run is the one that had it).
    /// The thread's own clock leaves out the JIT's and the GC's background threads, which the process's total counted
    /// into whichever stage they happened to run beside.
    /// </summary>
    internal static double Measure(Action action)
    {
        action();
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var before = ThreadCpuSeconds();
            action();
            best = Math.Min(best, ThreadCpuSeconds() - before);
        }
        return best;
    }

    /// <summary>Bytes this thread allocates running <paramref name="action"/> (after a first run, so the JIT's tiers and lazy tables are done).</summary>
    private static long Allocated(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static double ThreadCpuSeconds()
    {
        if (!OperatingSystem.IsLinux()) return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        if (ClockGetTime(ClockThreadCpuTime, out var time) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return time.Seconds + time.Nanoseconds * 1e-9;
    }

    private const int ClockThreadCpuTime = 3;

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
