using TopicModel.ML.Text;

namespace TopicModel.ML.Lda;

/// <summary>
/// The LDA topic-model estimator (ML.NET's <c>LatentDirichletAllocation</c>, MALLET's ParallelTopicModel):
/// builds the vocabulary, runs the <see cref="GibbsSampler"/> and returns an immutable <see cref="LdaModel"/>.
/// Holds only its options; the same options, documents and thread count give the same model.
/// </summary>
public sealed class LatentDirichletAllocation
{
    public LatentDirichletAllocation(LatentDirichletAllocationOptions? options = null)
    {
        Options = options ?? new LatentDirichletAllocationOptions();
        Options.Validate();
    }

    public LatentDirichletAllocationOptions Options { get; }

    /// <summary>Fits raw texts (tokenized with <see cref="LatentDirichletAllocationOptions.Normalization"/>).</summary>
    public LdaModel Fit(IReadOnlyList<string> texts, Action<string>? log = null, CancellationToken cancellation = default) =>
        FitTokens(Tokenize(texts), log, cancellation);

    /// <summary>
    /// The tokens <see cref="Fit"/> would see for each text (before the vocabulary rules). Public so that other
    /// systems can be fed exactly the same documents (bench/lda_compare.sh).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Tokenize(IReadOnlyList<string> texts)
    {
        var tokenizer = new LdaTokenizer(Options.Normalization, Options.AdditionalStopWords, Options.MinimumTokenLength);
        var tokens = new List<string>[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = Threads }, d => tokens[d] = tokenizer.Tokenize(texts[d]));
        return tokens;
    }

    /// <summary>Fits documents that are already tokens (no further analysis besides the vocabulary rules).</summary>
    public LdaModel FitTokens(IReadOnlyList<IReadOnlyList<string>> documents, Action<string>? log = null, CancellationToken cancellation = default)
    {
        var o = Options;
        if (documents.Count == 0) throw new TopicModelException("LatentDirichletAllocation: the corpus is empty (no documents)");
        var vocabulary = BuildVocabulary(documents);
        var corpus = LdaCorpus.FromTokens(documents, vocabulary);
        if (corpus.TokenCount == 0) throw new TopicModelException("LatentDirichletAllocation: the documents have no tokens in the vocabulary");
        var k = o.NumberOfTopics;
        var alpha = Enumerable.Repeat(o.AlphaSum / k, k).ToArray();
        var seeds = SeedPriorFor(vocabulary, corpus.TokenCount);
        var promotion = o.WordPromotionWeight > 0 && o.WordPromotionNeighbors > 0 ? WordPromotion.Create(corpus, o.WordPromotionWeight, o.WordPromotionNeighbors, Threads) : null;
        var sampler = new GibbsSampler(corpus, k, alpha, o.Beta, seeds, Threads, o.Seed, promotion);
        log?.Invoke($"LDA: {corpus.DocumentCount:N0} documents, {corpus.TokenCount:N0} tokens, {vocabulary.Count:N0} terms, {k} topics, {sampler.Partitions} threads");

        var trace = new List<LikelihoodPoint>();
        for (var it = 1; it <= o.MaximumNumberOfIterations; it++)
        {
            cancellation.ThrowIfCancellationRequested();
            sampler.Sweep();
            if (o.OptimizeAlphaInterval > 0 && it > o.NumberOfBurninIterations && it % o.OptimizeAlphaInterval == 0) sampler.OptimizeAlpha();
            if ((o.LikelihoodInterval > 0 && it % o.LikelihoodInterval == 0) || it == o.MaximumNumberOfIterations)
            {
                var ll = sampler.LogLikelihood();
                trace.Add(new LikelihoodPoint(it, ll, ll / corpus.TokenCount));
                if (it % 50 == 0 || it == o.MaximumNumberOfIterations) log?.Invoke($"LDA: iteration {it}, log-likelihood per token {ll / corpus.TokenCount:F4}");
            }
        }
        return CreateModel(sampler, corpus, vocabulary, trace);
    }

    private int Threads => Options.NumberOfThreads > 0 ? Options.NumberOfThreads : Environment.ProcessorCount;

    /// <summary>
    /// The vocabulary <see cref="FitTokens"/> builds from <paramref name="documents"/>: terms in at least
    /// MinimumDocumentCount and at most MaximumDocumentFrequency of the documents, most frequent first, at most
    /// MaximumVocabularySize of them. Throws when nothing survives the pruning.
    /// </summary>
    public Vocabulary BuildVocabulary(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        var o = Options;
        if (documents.Count == 0) throw new TopicModelException("LatentDirichletAllocation: the corpus is empty (no documents)");
        var builder = new VocabularyBuilder();
        foreach (var document in documents)
        {
            builder.NextDocument();
            foreach (var t in document) builder.Add(t);
        }
        var counted = builder.Build(o.MinimumDocumentCount);
        var maxDocuments = o.MaximumDocumentFrequency * documents.Count;
        // The builder orders by document frequency; dropping the too-common ones keeps that order.
        var kept = Enumerable.Range(0, counted.Count).Where(i => counted.DocumentFrequency(i) <= maxDocuments).Take(o.MaximumVocabularySize).ToArray();
        if (kept.Length == 0)
        {
            // Say which rule removed how much, so the user knows which option to loosen.
            throw new TopicModelException(
                $"LatentDirichletAllocation: the vocabulary is empty after pruning ({builder.TermCount:N0} distinct terms in {documents.Count:N0} documents; " +
                $"{builder.TermCount - counted.Count:N0} in fewer than {o.MinimumDocumentCount} documents (MinimumDocumentCount), " +
                $"{counted.Count:N0} in more than {o.MaximumDocumentFrequency * 100:0.##}% of the documents (MaximumDocumentFrequency); " +
                "stop words, numbers and tokens shorter than MinimumTokenLength were dropped before counting)");
        }
        return new Vocabulary(kept.Select(counted.Term).ToArray(), kept.Select(counted.DocumentFrequency).ToArray(), documents.Count);
    }

    private SeedPrior SeedPriorFor(Vocabulary vocabulary, int tokenCount)
    {
        var o = Options;
        if (o.SeedTopics.Count == 0) return SeedPrior.None(vocabulary.Count, o.NumberOfTopics);
        var words = new Dictionary<int, int[]>();
        var total = 0;
        foreach (var s in o.SeedTopics)
        {
            var ids = s.Words.Select(w => vocabulary.IdOf(w)).Where(id => id >= 0).Distinct().ToArray();
            words[s.TopicId] = ids;
            total += ids.Length;
        }
        if (total == 0) return SeedPrior.None(vocabulary.Count, o.NumberOfTopics);
        // A topic's seed words together carry SeedWordPriorShare of an average topic's tokens, whatever the corpus size.
        var perWord = o.SeedWordPriorShare * tokenCount / o.NumberOfTopics / Math.Max(1.0, (double)total / words.Count(e => e.Value.Length > 0));
        return SeedPrior.Create(vocabulary.Count, o.NumberOfTopics, words, perWord);
    }

    private LdaModel CreateModel(GibbsSampler sampler, LdaCorpus corpus, Vocabulary vocabulary, List<LikelihoodPoint> trace)
    {
        var k = Options.NumberOfTopics;
        var v = vocabulary.Count;
        var alpha = sampler.Alpha;
        var phi = new float[v * k];
        var seeds = sampler.Seeds;
        // With word promotion a topic's word distribution is its urn: real counts plus the promoted pseudo-counts.
        var withPromotion = sampler.Promoted.Length > 0;
        if (withPromotion) sampler.RefreshPromotion();
        double promoted(int w, int t) => withPromotion ? sampler.Promoted[w * k + t] : 0;
        double total(int t) => sampler.TopicTotals[t] + (withPromotion ? sampler.PromotedTotals[t] : 0);
        for (var w = 0; w < v; w++)
        {
            for (var t = 0; t < k; t++) phi[w * k + t] = (float)((sampler.WordTopic[w * k + t] + promoted(w, t) + Options.Beta) / (total(t) + sampler.BetaSum[t]));
            for (var j = seeds.Starts[w]; j < seeds.Starts[w + 1]; j++)
            {
                var t = seeds.Topics[j];
                phi[w * k + t] += (float)(seeds.Counts[j] / (total(t) + sampler.BetaSum[t]));
            }
        }
        var alphaSum = alpha.Sum();
        var mixtures = new float[corpus.DocumentCount][];
        for (var d = 0; d < corpus.DocumentCount; d++)
        {
            var length = corpus.Starts[d + 1] - corpus.Starts[d];
            var row = mixtures[d] = new float[k];
            for (var t = 0; t < k; t++) row[t] = (float)((sampler.DocumentTopic[d * k + t] + alpha[t]) / (length + alphaSum));
        }
        var sizes = sampler.TopicTotals.Select(c => (long)c).ToArray();
        return new LdaModel(Options, vocabulary, (double[])alpha.Clone(), phi, sizes, mixtures, [.. trace]);
    }
}
