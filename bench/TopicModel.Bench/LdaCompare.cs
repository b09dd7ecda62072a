using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TopicModel.ML.Lda;
using TopicModel.ML.Text;

namespace TopicModel.Bench;

/// <summary>
/// Our side of bench/lda_compare.sh (LDA vs gensim LdaMulticore vs scikit-learn online LDA).
/// <list type="bullet">
/// <item><c>lda-export CORPUS.jsonl DIR</c>: title + abstract tokenized by our LDA tokenizer and pruned by our
/// vocabulary rules, written as <c>DIR/tokens.txt</c> (one document per line, space-separated, documents left
/// with no token dropped) and <c>DIR/vocab.txt</c>. Every system fits exactly these token lists.</item>
/// <item><c>lda-fit DIR TOPICS THREADS ITERATIONS SEED OUT</c>: fits our LDA on tokens.txt, prints the fit time
/// (reading the file is not timed) and writes each topic's top-10 terms, one topic per line, to OUT.</item>
/// <item><c>lda-fit-mlnet DIR TOPICS THREADS ITERATIONS SEED OUT</c>: the same with ML.NET's LatentDirichletAllocation
/// (LightLDA), fed the same token ids as count vectors (<see cref="MlNetLda"/>).</item>
/// <item><c>lda-export-reference CORPUS.jsonl EXCLUDE.jsonl DIR</c>: a held-out reference corpus for NPMI: title +
/// abstract tokenized the same way but not pruned (a topic's term is never missing for want of a vocabulary rule),
/// leaving out every paper whose title is also in EXCLUDE.jsonl (the fitted corpus), as <c>DIR/tokens.txt</c>.</item>
/// <item><c>lda-npmi DIR FILE...</c>: the one scorer for every system: mean NPMI (and UMass) of each file's
/// topics over tokens.txt as the reference corpus (boolean document co-occurrence, <see cref="TopicCoherence"/>).</item>
/// </list>
/// </summary>
public static class LdaCompare
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The vocabulary rules of the comparison: our tokenizer defaults (English stop words, numbers removed,
    /// tokens of 2+ characters) and gensim's <c>filter_extremes</c> defaults (in at least 5 documents, at most
    /// 50% of them, at most 100,000 terms).
    /// </summary>
    public static LatentDirichletAllocationOptions VocabularyRules { get; } = new()
    {
        MinimumDocumentCount = 5,
        MaximumDocumentFrequency = 0.5,
        MaximumVocabularySize = 100_000,
    };

    public static void Run(string[] args)
    {
        switch (args[0])
        {
            case "lda-export" when args.Length == 3:
                Export(args[1], args[2]);
                break;
            case "lda-export-reference" when args.Length == 4:
                ExportReference(args[1], args[2], args[3]);
                break;
            case "lda-fit" when args.Length >= 7:
                Fit(args[1], Int(args[2]), Int(args[3]), Int(args[4]), Int(args[5]), args[6], args.Length > 7 ? args[7] : null);
                break;
            case "lda-fit-mlnet" when args.Length == 7:
                MlNetLda.Fit(args[1], Int(args[2]), Int(args[3]), Int(args[4]), Int(args[5]), args[6]);
                break;
            case "lda-npmi" when args.Length >= 3:
                Npmi(args[1], args[2..]);
                break;
            case "lda-infer" when args.Length >= 5:
                Infer(args[1], args[2], Int(args[3]), args[4..]);
                break;
            default:
                throw new ArgumentException("usage: lda-export CORPUS.jsonl DIR | lda-export-reference CORPUS.jsonl EXCLUDE.jsonl DIR | lda-fit DIR TOPICS THREADS ITERATIONS SEED OUT [OPTIONS.json] | lda-fit-mlnet DIR TOPICS THREADS ITERATIONS SEED OUT | lda-npmi DIR TOPICS_FILE... | lda-infer BUNDLE.zip CORPUS.jsonl PAPERS [gibbs:|cvb0:]ITERATIONS...");
        }
    }

    private static int Int(string s) => int.Parse(s, Invariant);

    private static void Export(string jsonl, string dir)
    {
        Directory.CreateDirectory(dir);
        var texts = File.ReadLines(jsonl).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return r.GetProperty("title").GetString() + "\n" + r.GetProperty("abstract").GetString();
        }).ToArray();
        var lda = new LatentDirichletAllocation(VocabularyRules);
        var tokens = lda.Tokenize(texts);
        var vocabulary = lda.BuildVocabulary(tokens);
        var kept = tokens.Select(d => d.Where(t => vocabulary.IdOf(t) >= 0).ToArray()).Where(d => d.Length > 0).ToArray();
        WriteAtomic(Path.Combine(dir, "tokens.txt"), kept.Select(d => string.Join(' ', d)));
        WriteAtomic(Path.Combine(dir, "vocab.txt"), vocabulary.Terms);
        Console.WriteLine($"{texts.Length:N0} abstracts -> {kept.Length:N0} documents, {kept.Sum(d => (long)d.Length):N0} tokens, {vocabulary.Count:N0} terms");
    }

    private static void ExportReference(string jsonl, string excludeJsonl, string dir)
    {
        Directory.CreateDirectory(dir);
        static (string Title, string Text) Read(string line)
        {
            using var doc = JsonDocument.Parse(line);
            var title = doc.RootElement.GetProperty("title").GetString()!;
            return (title, title + "\n" + doc.RootElement.GetProperty("abstract").GetString());
        }
        // The same paper on two sites: equal canonical titles (the form paper ids are made from).
        var fitted = File.ReadLines(excludeJsonl).Select(l => TextNormalizer.Canonical(Read(l).Title)).ToHashSet();
        var papers = File.ReadLines(jsonl).Select(Read).ToArray();
        var kept = papers.Where(p => !fitted.Contains(TextNormalizer.Canonical(p.Title))).Select(p => p.Text).ToArray();
        var tokens = new LatentDirichletAllocation(VocabularyRules).Tokenize(kept).Where(d => d.Count > 0).ToArray();
        WriteAtomic(Path.Combine(dir, "tokens.txt"), tokens.Select(d => string.Join(' ', d)));
        Console.WriteLine($"{papers.Length:N0} papers, {papers.Length - kept.Length:N0} also in the fitted corpus left out -> {tokens.Length:N0} reference documents");
    }

    internal static IReadOnlyList<IReadOnlyList<string>> ReadTokens(string dir) =>
        File.ReadLines(Path.Combine(dir, "tokens.txt")).Select(l => (IReadOnlyList<string>)l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();

    private static void Fit(string dir, int topics, int threads, int iterations, int seed, string output, string? optionsJson)
    {
        var documents = ReadTokens(dir);
        // The tokens are already pruned: the vocabulary rules keep every one of them, so all systems see the same terms.
        var options = new LatentDirichletAllocationOptions
        {
            NumberOfTopics = topics,
            NumberOfThreads = threads,
            MaximumNumberOfIterations = iterations,
            Seed = seed,
            MinimumDocumentCount = 1,
            MaximumDocumentFrequency = 1,
            LikelihoodInterval = 0,
        };
        if (optionsJson is not null) options = Override(options, optionsJson);
        var clock = Stopwatch.StartNew();
        var model = new LatentDirichletAllocation(options).FitTokens(documents);
        var seconds = clock.Elapsed.TotalSeconds;
        WriteAtomic(output, model.Topics.Select(t => string.Join(' ', model.TopTerms(t.Id, 10).Select(x => x.Term))));
        Console.WriteLine($"fit_seconds={seconds.ToString("F2", Invariant)} terms={model.Vocabulary.Count} iterations={iterations} " +
                          $"loglik_per_token={model.LikelihoodTrace[^1].PerToken.ToString("F4", Invariant)}");
    }

    /// <summary>A few sampler options from a JSON object, for trying settings without rebuilding.</summary>
    private static LatentDirichletAllocationOptions Override(LatentDirichletAllocationOptions o, string json)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            o = p.Name switch
            {
                "alphaSum" => o with { AlphaSum = p.Value.GetDouble() },
                "beta" => o with { Beta = p.Value.GetDouble() },
                "optimizeAlphaInterval" => o with { OptimizeAlphaInterval = p.Value.GetInt32() },
                "burnin" => o with { NumberOfBurninIterations = p.Value.GetInt32() },
                "promotion" => o with { WordPromotionWeight = p.Value.GetDouble() },
                "neighbors" => o with { WordPromotionNeighbors = p.Value.GetInt32() },
                _ => throw new ArgumentException($"unknown option '{p.Name}'"),
            };
        }
        return o;
    }

    private static void Npmi(string dir, string[] files)
    {
        var reference = new CoherenceReference(ReadTokens(dir));
        foreach (var file in files)
        {
            var topics = File.ReadLines(file).Where(l => l.Length > 0)
                .Select(l => (IReadOnlyList<string>)l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
            if (topics.Any(t => t.Count != 10)) throw new InvalidDataException($"{file}: every line must hold a topic's top 10 terms");
            var scores = TopicCoherence.Score(topics, reference);
            Console.WriteLine($"{file}\tnpmi={scores.Npmi.ToString("F4", Invariant)}\tumass={scores.UMass.ToString("F3", Invariant)}\ttopics={topics.Length}");
        }
    }

    /// <summary>
    /// Fold-in accuracy and cost: for each sweep count, the mean L1 distance of the papers' mixtures to a 1,000-sweep
    /// reference, the share with the same top topic, and µs per paper of <see cref="LdaModel.InferText"/> on one thread
    /// (the third of three passes, so JIT tiering is over).
    /// </summary>
    /// <param name="runs">"gibbs:20" (or just "20"), "cvb0:50": fold-in method and its iteration cap.</param>
    private static void Infer(string bundlePath, string jsonl, int papers, string[] runs)
    {
        var lda = TopicModel.Training.Bundles.ModelBundleFile.Load(bundlePath).Lda
            ?? throw new ArgumentException($"{bundlePath} has no LDA topic model");
        var texts = File.ReadLines(jsonl).Take(papers).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.GetProperty("title").GetString() + "\n" + doc.RootElement.GetProperty("abstract").GetString();
        }).ToArray();
        var reference = texts.Select(lda.WithInference(LdaInference.Gibbs, 1000).InferText).ToArray();
        Console.WriteLine($"{texts.Length:N0} papers, {lda.NumberOfTopics} topics; reference: 1000 Gibbs sweeps");
        foreach (var run in runs)
        {
            var parts = run.Split(':');
            var method = parts.Length == 2 ? Enum.Parse<LdaInference>(parts[0], ignoreCase: true) : LdaInference.Gibbs;
            var n = Int(parts[^1]);
            var model = lda.WithInference(method, n);
            float[][] mixtures = [];
            double microseconds = 0;
            for (var pass = 0; pass < 3; pass++)
            {
                var clock = Stopwatch.StartNew();
                mixtures = texts.Select(model.InferText).ToArray();
                microseconds = clock.Elapsed.TotalMilliseconds * 1000 / texts.Length;
            }
            var l1 = mixtures.Zip(reference, (a, b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Sum()).Average();
            var sameTop = mixtures.Zip(reference, (a, b) => Array.IndexOf(a, a.Max()) == Array.IndexOf(b, b.Max()) ? 1.0 : 0.0).Average();
            Console.WriteLine(string.Create(Invariant, $"method={method} iterations={n} us_per_paper={microseconds:F1} mean_l1={l1:F4} same_top_topic={sameTop:P1}"));
        }
    }

    internal static void WriteAtomic(string path, IEnumerable<string> lines)
    {
        var temp = path + ".tmp";
        File.WriteAllLines(temp, lines, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
