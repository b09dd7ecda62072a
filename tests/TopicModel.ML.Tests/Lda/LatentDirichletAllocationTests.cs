using TopicModel.ML.Lda;

namespace TopicModel.ML.Tests.Lda;

public class LatentDirichletAllocationTests
{
    private const int Topics = 4;
    private const int WordsPerTopic = 12;

    private static LatentDirichletAllocationOptions Options(int threads = 2, int seed = 7) => new()
    {
        NumberOfTopics = Topics,
        AlphaSum = 1,
        Beta = 0.01,
        MaximumNumberOfIterations = 60,
        LikelihoodInterval = 10,
        MinimumDocumentCount = 1,
        MaximumDocumentFrequency = 1,
        MinimumTokenLength = 1,
        NumberOfThreads = threads,
        Seed = seed,
    };

    private static readonly (List<IReadOnlyList<string>> Documents, int[] Dominant) Corpus =
        GeneratedTopics.Create(documents: 300, Topics, WordsPerTopic, length: 40, seed: 1);

    /// <summary>The fitted topic whose top terms are mostly the words of true topic <paramref name="truth"/>.</summary>
    private static int Match(LdaModel model, int truth) =>
        Enumerable.Range(0, model.NumberOfTopics)
            .MaxBy(t => model.TopTerms(t, 8).Count(x => x.Term.StartsWith($"t{truth}w", StringComparison.Ordinal)));

    [Fact]
    public void Documents_generated_from_known_topics_are_recovered()
    {
        var model = new LatentDirichletAllocation(Options()).FitTokens(Corpus.Documents);

        var matched = Enumerable.Range(0, Topics).Select(t => Match(model, t)).ToArray();
        Assert.Equal(Topics, matched.Distinct().Count());
        for (var t = 0; t < Topics; t++)
            Assert.True(model.TopTerms(matched[t], 8).All(x => x.Term.StartsWith($"t{t}w", StringComparison.Ordinal)), $"topic {t}: {string.Join(", ", model.TopTerms(matched[t], 8))}");

        var correct = Enumerable.Range(0, Corpus.Documents.Count)
            .Count(d => Array.IndexOf(model.DocumentTopics[d], model.DocumentTopics[d].Max()) == matched[Corpus.Dominant[d]]);
        Assert.True(correct >= 0.95 * Corpus.Documents.Count, $"{correct} of {Corpus.Documents.Count} documents have the right dominant topic");
        Assert.All(model.DocumentTopics, m => Assert.Equal(1.0, m.Sum(), 3));
        Assert.Equal(Corpus.Documents.Count * 40L, model.Topics.Sum(t => t.Size));

        // Sampling climbs the likelihood from the random start.
        Assert.True(model.LikelihoodTrace[^1].LogLikelihood > model.LikelihoodTrace[0].LogLikelihood);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Counts_stay_consistent_with_the_assignments_after_sampling(int threads)
    {
        var builder = new TopicModel.ML.Text.VocabularyBuilder();
        foreach (var document in Corpus.Documents)
        {
            builder.NextDocument();
            foreach (var t in document) builder.Add(t);
        }
        var vocabulary = builder.Build();
        var corpus = LdaCorpus.FromTokens(Corpus.Documents, vocabulary);
        var seeds = SeedPrior.Create(vocabulary.Count, Topics, new Dictionary<int, int[]> { [1] = [0, 1] }, 5);
        var sampler = new GibbsSampler(corpus, Topics, [0.25, 0.25, 0.25, 0.25], 0.01, seeds, threads, seed: 3);
        for (var i = 0; i < 5; i++)
        {
            sampler.Sweep();
            if (i == 2) sampler.OptimizeAlpha();
        }

        var ndk = new int[corpus.DocumentCount * Topics];
        var nwk = new int[vocabulary.Count * Topics];
        var nk = new int[Topics];
        for (var d = 0; d < corpus.DocumentCount; d++)
        {
            for (var i = corpus.Starts[d]; i < corpus.Starts[d + 1]; i++)
            {
                var z = sampler.Assignments[i];
                Assert.InRange(z, 0, Topics - 1);
                ndk[d * Topics + z]++;
                nwk[corpus.Words[i] * Topics + z]++;
                nk[z]++;
            }
        }
        Assert.Equal(ndk, sampler.DocumentTopic);
        Assert.Equal(nwk, sampler.WordTopic);
        Assert.Equal(nk, sampler.TopicTotals);
        Assert.Equal(corpus.TokenCount, sampler.TopicTotals.Sum());
        Assert.All(sampler.Alpha, a => Assert.True(a > 0 && double.IsFinite(a)));
    }

    [Fact]
    public void Same_seed_and_thread_count_give_an_identical_model()
    {
        var a = Bytes(new LatentDirichletAllocation(Options(threads: 2)).FitTokens(Corpus.Documents));
        var b = Bytes(new LatentDirichletAllocation(Options(threads: 2)).FitTokens(Corpus.Documents));
        var otherSeed = Bytes(new LatentDirichletAllocation(Options(threads: 2, seed: 8)).FitTokens(Corpus.Documents));
        Assert.Equal(a, b);
        Assert.NotEqual(a, otherSeed);

        var c = Bytes(new LatentDirichletAllocation(Options(threads: 3)).FitTokens(Corpus.Documents));
        var d = Bytes(new LatentDirichletAllocation(Options(threads: 3)).FitTokens(Corpus.Documents));
        Assert.Equal(c, d);
    }

    [Theory]
    [InlineData(LdaInference.Cvb0)]
    [InlineData(LdaInference.Gibbs)]
    public void Fold_in_inference_recovers_a_new_documents_dominant_topic(LdaInference method)
    {
        var model = new LatentDirichletAllocation(Options() with { Inference = method }).FitTokens(Corpus.Documents);
        var (fresh, dominant) = GeneratedTopics.Create(documents: 40, Topics, WordsPerTopic, length: 30, seed: 99);
        var correct = 0;
        for (var d = 0; d < fresh.Count; d++)
        {
            var theta = model.Infer(fresh[d]);
            Assert.Equal(1.0, theta.Sum(), 3);
            Assert.Equal(theta, model.Infer(fresh[d]));
            if (Array.IndexOf(theta, theta.Max()) == Match(model, dominant[d])) correct++;
        }
        Assert.True(correct >= 38, $"{correct} of 40");

        // The same answers from many threads at once: inference keeps no shared state.
        var parallel = new float[fresh.Count][];
        Parallel.For(0, fresh.Count, d => parallel[d] = model.Infer(fresh[d]));
        for (var d = 0; d < fresh.Count; d++) Assert.Equal(model.Infer(fresh[d]), parallel[d]);

        // Unknown words only: the prior mixture.
        var prior = model.Infer(["never-seen"]);
        Assert.Equal(model.Alpha.Select(a => (float)(a / model.Alpha.Sum())), prior);
    }

    [Fact]
    public void Seeded_topics_keep_their_ids_and_align_with_their_seed_words()
    {
        // True topic 0 is seeded as topic 3 and true topic 2 as topic 0: fitted ids follow the seeds, not chance.
        var options = Options() with
        {
            SeedTopics =
            [
                new SeedTopic(3, "zero", [GeneratedTopics.Word(0, 0), GeneratedTopics.Word(0, 1), GeneratedTopics.Word(0, 2)]),
                new SeedTopic(0, "two", [GeneratedTopics.Word(2, 0), GeneratedTopics.Word(2, 3)]),
            ],
        };
        var model = new LatentDirichletAllocation(options).FitTokens(Corpus.Documents);
        Assert.Equal(3, Match(model, 0));
        Assert.Equal(0, Match(model, 2));
        Assert.Equal("zero", model.Topics[3].SeedLabel);
        Assert.Equal("two", model.Topics[0].SeedLabel);
        Assert.Null(model.Topics[1].SeedLabel);
    }

    [Fact]
    public void Perplexity_and_coherence_rank_a_fitted_model_above_chance()
    {
        var model = new LatentDirichletAllocation(Options()).FitTokens(Corpus.Documents);
        var (heldOut, _) = GeneratedTopics.Create(documents: 50, Topics, WordsPerTopic, length: 40, seed: 5);
        var perplexity = model.Perplexity(heldOut);
        // A uniform model has perplexity = vocabulary size; one pure topic with Zipf words is about half a topic's words.
        Assert.InRange(perplexity, 1, 0.5 * model.Vocabulary.Count);

        var reference = new CoherenceReference(heldOut);
        var fitted = model.Coherence(reference, topTerms: 8);
        var mixed = TopicCoherence.Score([Enumerable.Range(0, 8).Select(i => GeneratedTopics.Word(i % Topics, i / Topics)).ToArray()], reference);
        Assert.True(fitted.Npmi > mixed.Npmi, $"fitted NPMI {fitted.Npmi:F3} vs mixed topic {mixed.Npmi:F3}");
        Assert.True(fitted.UMass > mixed.UMass, $"fitted UMass {fitted.UMass:F3} vs mixed topic {mixed.UMass:F3}");
        Assert.InRange(fitted.Npmi, -1, 1);
    }

    [Fact]
    public void The_topic_draw_picks_the_first_running_sum_above_u_and_never_a_topic_without_mass()
    {
        // Topic masses 0, 0, 2, 0, 3: running sums 0, 0, 2, 2, 5.
        double[] sums = [0, 0, 2, 2, 5];
        Assert.Equal(2, RunningSums.FirstAbove(sums, 0));
        Assert.Equal(2, RunningSums.FirstAbove(sums, 1.999));
        Assert.Equal(4, RunningSums.FirstAbove(sums, 2));
        Assert.Equal(4, RunningSums.FirstAbove(sums, 4.999));
        // Draws over a fine grid land on each topic in proportion to its mass.
        var hits = new int[5];
        for (var i = 0; i < 5000; i++) hits[RunningSums.FirstAbove(sums, i / 1000.0)]++;
        Assert.Equal([0, 0, 2000, 0, 3000], hits);
    }

    [Fact]
    public void The_vectorised_draw_matches_a_scan_of_the_running_sums_for_every_length()
    {
        // Lengths 1..53 cover the 4-wide vector part, its remainder, and topics without mass (count 0).
        var random = new Random(7);
        for (var k = 1; k <= 53; k++)
        {
            var coefficients = Enumerable.Range(0, k).Select(_ => random.NextDouble()).ToArray();
            var counts = Enumerable.Range(0, k).Select(_ => random.Next(3) == 0 ? 0 : random.Next(1, 500)).ToArray();
            var sums = new double[k];
            var total = RunningSums.Fill(coefficients, counts, sums);
            Assert.Equal(sums[k - 1], total);
            for (var i = 0; i < 200; i++)
            {
                var u = random.NextDouble() * total;
                var scan = 0;
                while (scan < k - 1 && sums[scan] <= u) scan++;
                Assert.Equal(scan, RunningSums.FirstAbove(sums, u));
            }
        }
    }

    internal static byte[] Bytes(LdaModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) model.Save(writer);
        return stream.ToArray();
    }
}
