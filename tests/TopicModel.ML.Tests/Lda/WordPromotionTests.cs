using System.Text.Json;
using TopicModel.ML.Lda;
using TopicModel.ML.Text;
using TopicModel.TestSupport;

namespace TopicModel.ML.Tests.Lda;

/// <summary>Word promotion (the generalized Pólya urn): which words promote which, the sampler's counts, and what it does to real topics.</summary>
public class WordPromotionTests
{
    private const int Topics = 4;

    private static readonly IReadOnlyList<IReadOnlyList<string>> RealPapers = File.ReadLines(Path.Combine(RepoPaths.Data, "corpus", "hf-daily-papers-2025.jsonl"))
        .Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.GetProperty("title").GetString() + "\n" + doc.RootElement.GetProperty("abstract").GetString();
        })
        .ToArray() is var texts ? new LatentDirichletAllocation().Tokenize(texts) : [];

    private static (LdaCorpus Corpus, Vocabulary Vocabulary) Build(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        var lda = new LatentDirichletAllocation(new LatentDirichletAllocationOptions { MinimumDocumentCount = 2, MaximumDocumentFrequency = 1 });
        var vocabulary = lda.BuildVocabulary(documents);
        return (LdaCorpus.FromTokens(documents, vocabulary), vocabulary);
    }

    /// <summary>Each word's related words by brute force: document sets, NPMI, the best <paramref name="neighbors"/>.</summary>
    private static int[][] BruteForceRelated(LdaCorpus corpus, int neighbors)
    {
        var sets = Enumerable.Range(0, corpus.DocumentCount).Select(d => corpus.Document(d).ToArray().ToHashSet()).ToArray();
        var documentsOf = Enumerable.Range(0, corpus.VocabularySize).Select(w => Enumerable.Range(0, sets.Length).Where(d => sets[d].Contains(w)).ToArray()).ToArray();
        double n = corpus.DocumentCount;
        return Enumerable.Range(0, corpus.VocabularySize).Select(w =>
        {
            var shared = documentsOf[w].SelectMany(d => sets[d]).Where(u => u != w).GroupBy(u => u).Select(g => (Word: g.Key, Count: g.Count()));
            return shared
                .Where(x => x.Count >= WordPromotion.MinimumCoDocuments && (long)x.Count * sets.Length > (long)documentsOf[w].Length * documentsOf[x.Word].Length)
                .Select(x => (x.Word, Npmi: Math.Log(x.Count / n / (documentsOf[w].Length / n * (documentsOf[x.Word].Length / n))) / -Math.Log(x.Count / n)))
                .OrderByDescending(x => x.Npmi).ThenBy(x => x.Word).Take(neighbors).Select(x => x.Word).ToArray();
        }).ToArray();
    }

    /// <summary>Inverts the promoters lists back into each word's related words.</summary>
    private static int[][] RelatedOf(WordPromotion promotion)
    {
        var related = Enumerable.Range(0, promotion.VocabularySize).Select(_ => new List<int>()).ToArray();
        for (var v = 0; v < promotion.VocabularySize; v++)
            for (var j = promotion.Starts[v]; j < promotion.Starts[v + 1]; j++) related[promotion.Promoters[j]].Add(v);
        return related.Select(r => r.Order().ToArray()).ToArray();
    }

    [Fact]
    public void Related_words_are_the_highest_NPMI_co_occurring_words_whatever_the_thread_count()
    {
        // 600 real abstracts: brute force over hash sets is quick there and the lists are real.
        var (corpus, vocabulary) = Build(RealPapers.Take(600).ToArray());
        var expected = BruteForceRelated(corpus, neighbors: 5);

        var promotion = WordPromotion.Create(corpus, weight: 0.5, neighbors: 5, threads: 2);
        var actual = RelatedOf(promotion);
        for (var w = 0; w < corpus.VocabularySize; w++)
            Assert.True(expected[w].Order().SequenceEqual(actual[w]), $"'{vocabulary.Term(w)}': expected {string.Join(",", expected[w].Order().Select(vocabulary.Term))}, got {string.Join(",", actual[w].Select(vocabulary.Term))}");
        Assert.Contains(actual, r => r.Length == 5);
        Assert.Equal(0.5, promotion.Weight);

        var single = WordPromotion.Create(corpus, weight: 0.5, neighbors: 5, threads: 1);
        Assert.Equal(promotion.Starts, single.Starts);
        Assert.Equal(promotion.Promoters, single.Promoters);

        // A word's related words are words it shares documents with: "gaussian" goes with "splatting" here.
        var gaussian = vocabulary.IdOf("gaussian");
        Assert.Contains(vocabulary.IdOf("splatting"), actual[gaussian]);
    }

    [Fact]
    public void Promoted_counts_are_the_weighted_counts_of_the_promoting_words_and_real_counts_stay_exact()
    {
        var generated = GeneratedTopics.Create(documents: 300, Topics, wordsPerTopic: 12, length: 40, seed: 1).Documents;
        var (corpus, vocabulary) = Build(generated);
        var promotion = WordPromotion.Create(corpus, weight: 0.75, neighbors: 4, threads: 2);
        var sampler = new GibbsSampler(corpus, Topics, [0.25, 0.25, 0.25, 0.25], 0.01, SeedPrior.None(corpus.VocabularySize, Topics), 2, seed: 3, promotion);
        for (var i = 0; i < 5; i++) sampler.Sweep();
        sampler.RefreshPromotion();

        var related = RelatedOf(promotion);
        var sums = new int[corpus.VocabularySize * Topics];
        for (var w = 0; w < corpus.VocabularySize; w++)
            foreach (var v in related[w])
                for (var t = 0; t < Topics; t++) sums[v * Topics + t] += sampler.WordTopic[w * Topics + t];
        var expected = sums.Select(c => (float)(0.75 * c)).ToArray();
        Assert.Equal(expected, sampler.Promoted);
        Assert.Contains(expected, x => x > 0);
        for (var t = 0; t < Topics; t++)
            Assert.Equal(Enumerable.Range(0, corpus.VocabularySize).Sum(v => expected[v * Topics + t]), sampler.PromotedTotals[t], 6);

        // The pseudo-counts never leak into the real counts.
        var nwk = new int[corpus.VocabularySize * Topics];
        for (var i = 0; i < corpus.TokenCount; i++) nwk[corpus.Words[i] * Topics + sampler.Assignments[i]]++;
        Assert.Equal(nwk, sampler.WordTopic);
        Assert.Equal(corpus.TokenCount, sampler.TopicTotals.Sum());

        // Generated topics own their words, so every word's related words come from its own topic.
        string TopicOf(int id) => vocabulary.Term(id).Split('w')[0];
        Assert.All(Enumerable.Range(0, corpus.VocabularySize), w => Assert.All(related[w], v => Assert.Equal(TopicOf(w), TopicOf(v))));
        Assert.Contains(related, r => r.Length == 4);
    }

    [Fact]
    public void Promotion_makes_real_topics_more_coherent_and_the_fit_reproducible()
    {
        LatentDirichletAllocationOptions Options(double weight) => new()
        {
            NumberOfTopics = 12,
            MaximumNumberOfIterations = 100,
            NumberOfThreads = 2,
            LikelihoodInterval = 0,
            WordPromotionWeight = weight,
        };
        var plain = new LatentDirichletAllocation(Options(0)).FitTokens(RealPapers);
        var promoted = new LatentDirichletAllocation(Options(0.5)).FitTokens(RealPapers);
        var reference = new CoherenceReference(RealPapers);

        var gain = promoted.Coherence(reference).Npmi - plain.Coherence(reference).Npmi;
        Assert.True(gain > 0.03, $"NPMI of the top-10 terms: plain {plain.Coherence(reference).Npmi:F4}, promoted {promoted.Coherence(reference).Npmi:F4}");

        // Each topic's words are still a distribution, and the same options and seed give the same bytes.
        for (var t = 0; t < promoted.NumberOfTopics; t++) Assert.Equal(1.0, promoted.TopicWordDistribution(t).Sum(x => (double)x), 3);
        Assert.Equal(LatentDirichletAllocationTests.Bytes(promoted), LatentDirichletAllocationTests.Bytes(new LatentDirichletAllocation(Options(0.5)).FitTokens(RealPapers)));
    }

    [Theory]
    [InlineData(-0.5, 10, "WordPromotionWeight must be in [0, 100], got -0.5")]
    [InlineData(double.NaN, 10, "WordPromotionWeight must be in [0, 100], got NaN")]
    [InlineData(0.5, -1, "WordPromotionNeighbors must not be negative, got -1")]
    public void Bad_promotion_options_are_rejected_naming_the_option(double weight, int neighbors, string message)
    {
        var e = Assert.Throws<TopicModelException>(() => new LatentDirichletAllocation(new() { WordPromotionWeight = weight, WordPromotionNeighbors = neighbors }));
        Assert.Contains(message, e.Message);
    }
}
