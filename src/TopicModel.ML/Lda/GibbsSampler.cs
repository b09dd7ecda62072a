using MathNet.Numerics;
using TopicModel.ML.Metrics;

namespace TopicModel.ML.Lda;

/// <summary>
/// Collapsed Gibbs sampler for LDA with SparseLDA's bucket decomposition (Yao, Mimno &amp; McCallum 2009):
/// p(k) ∝ (α_k + n_dk)(β + n_kw)/(β̄_k + n_k) = α_kβ/(·) [smoothing s] + n_dkβ/(·) [document r] +
/// (α_k + n_dk)n_kw/(·) [word q]. s changes only with the topic totals, r only over the document's
/// topics, and q only where the word has counts, so all three are updated in O(1) per change instead of
/// recomputing K terms. Seed words add fixed pseudo-counts to n_kw (an asymmetric β), which enter the q bucket;
/// so do <see cref="WordPromotion"/>'s pseudo-counts, which also enter the topic totals.
/// <para>
/// Threads (AD-LDA, Newman et al. 2009): documents are split into one contiguous partition per thread; each
/// partition sweeps against its own copy of the topic-word counts, and after every sweep the copies' deltas are
/// added back. Integer sums do not depend on order and each partition has its own RNG stream, so the result
/// depends only on the seed and the thread count. Counts stay exact: every token belongs to one partition.
/// </para>
/// </summary>
internal sealed class GibbsSampler
{
    private readonly LdaCorpus _corpus;
    private readonly int _k;
    private readonly int _v;
    private readonly double _beta;
    private readonly int[] _partitionStarts;
    /// <summary>
    /// The partitions' RNG states sit 128 bytes apart, so no two threads write the same cache line per token (with
    /// adjacent states, and adjacent topic-total arrays, 2 threads used 2.4x the CPU of 1 thread).
    /// </summary>
    private const int RngStride = 16;
    private readonly SplitMix64[] _rngs;
    private readonly int[][] _localWordTopic;
    private readonly int[][] _localTopicTotals;
    private readonly WordPromotion? _promotion;

    public GibbsSampler(LdaCorpus corpus, int topics, double[] alpha, double beta, SeedPrior seeds, int threads, int seed,
        WordPromotion? promotion = null)
    {
        _corpus = corpus;
        _k = topics;
        _v = corpus.VocabularySize;
        _beta = beta;
        Alpha = alpha;
        Seeds = seeds;
        BetaSum = new double[_k];
        for (var k = 0; k < _k; k++) BetaSum[k] = _v * beta + seeds.TopicMass[k];
        Assignments = new int[corpus.TokenCount];
        DocumentTopic = new int[corpus.DocumentCount * _k];
        WordTopic = new int[_v * _k];
        TopicTotals = new int[_k];
        _promotion = promotion;
        Promoted = promotion is null ? [] : new float[_v * _k];
        PromotedTotals = new double[_k];
        _partitionStarts = Partition(corpus, threads);
        var partitions = _partitionStarts.Length - 1;
        _rngs = new SplitMix64[partitions * RngStride];
        for (var p = 0; p < partitions; p++) _rngs[p * RngStride] = new SplitMix64(seed, p);
        _localWordTopic = partitions == 1 ? [WordTopic] : new int[partitions][];
        _localTopicTotals = partitions == 1 ? [TopicTotals] : new int[partitions][];
        for (var p = 0; p < partitions && partitions > 1; p++)
        {
            _localWordTopic[p] = new int[WordTopic.Length];
            // Padding: these small arrays are allocated side by side and written on every token.
            _localTopicTotals[p] = new int[_k + 32];
        }
        Initialize(new SplitMix64(seed, -1));
    }

    public double[] Alpha { get; }
    public double[] BetaSum { get; }
    public SeedPrior Seeds { get; }
    public int[] Assignments { get; }
    /// <summary>[d * K + k]: tokens of document d assigned to topic k.</summary>
    public int[] DocumentTopic { get; }
    /// <summary>[w * K + k], word-major so the q bucket reads one contiguous row per token.</summary>
    public int[] WordTopic { get; }
    public int[] TopicTotals { get; }
    /// <summary>
    /// [v * K + k]: word v's promoted pseudo-counts in topic k as of the last sweep's start; empty without word promotion.
    /// Single precision: every token reads its word's row, and half the bytes made the sweep measurably faster.
    /// </summary>
    public float[] Promoted { get; }
    /// <summary>Per topic, the sum of its promoted pseudo-counts (all zero without word promotion).</summary>
    public double[] PromotedTotals { get; }
    public int Partitions => _partitionStarts.Length - 1;

    /// <summary>Seed words start in their seeded topic (a random one of them when seeded for several); others uniformly.</summary>
    private void Initialize(SplitMix64 rng)
    {
        var words = _corpus.Words;
        for (var d = 0; d < _corpus.DocumentCount; d++)
        {
            for (var i = _corpus.Starts[d]; i < _corpus.Starts[d + 1]; i++)
            {
                var w = words[i];
                var (from, to) = (Seeds.Starts[w], Seeds.Starts[w + 1]);
                var z = to > from ? Seeds.Topics[from + rng.Next(to - from)] : rng.Next(_k);
                Assignments[i] = z;
                DocumentTopic[d * _k + z]++;
                WordTopic[w * _k + z]++;
                TopicTotals[z]++;
            }
        }
    }

    /// <summary>Contiguous document ranges with about equal token counts, at most one per thread.</summary>
    private static int[] Partition(LdaCorpus corpus, int threads)
    {
        var parts = Math.Max(1, Math.Min(threads, corpus.DocumentCount));
        var starts = new List<int> { 0 };
        var perPart = (double)corpus.TokenCount / parts;
        for (var d = 0; d < corpus.DocumentCount && starts.Count < parts; d++)
        {
            if (corpus.Starts[d + 1] >= perPart * starts.Count && d + 1 < corpus.DocumentCount) starts.Add(d + 1);
        }
        starts.Add(corpus.DocumentCount);
        return [.. starts];
    }

    /// <summary>Recomputes the promoted pseudo-counts from the current word-topic counts.</summary>
    public void RefreshPromotion() => _promotion?.Refresh(WordTopic, _k, Promoted, PromotedTotals, Partitions);

    public void Sweep()
    {
        RefreshPromotion();
        var partitions = Partitions;
        if (partitions == 1)
        {
            SweepPartition(0);
            return;
        }
        for (var p = 0; p < partitions; p++)
        {
            WordTopic.CopyTo(_localWordTopic[p], 0);
            TopicTotals.CopyTo(_localTopicTotals[p], 0);
        }
        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, SweepPartition);
        Merge(WordTopic, _localWordTopic);
        Merge(TopicTotals, _localTopicTotals);
    }

    private static void Merge(int[] global, int[][] locals)
    {
        for (var i = 0; i < global.Length; i++)
        {
            var g = global[i];
            var sum = g;
            foreach (var local in locals) sum += local[i] - g;
            global[i] = sum;
        }
    }

    private void SweepPartition(int p)
    {
        var k = _k;
        var beta = _beta;
        var alpha = Alpha;
        var betaSum = BetaSum;
        var nwk = _localWordTopic[p];
        var nk = _localTopicTotals[p];
        var promoted = Promoted;
        var pk = PromotedTotals;
        var ndkAll = DocumentTopic;
        var words = _corpus.Words;
        var starts = _corpus.Starts;
        var seedStarts = Seeds.Starts;
        var seedTopics = Seeds.Topics;
        var seedCounts = Seeds.Counts;
        ref var rng = ref _rngs[p * RngStride];

        var denom = new double[k];
        var qCoef = new double[k];
        var qTerms = new double[k];
        var seedTerms = new double[Seeds.MaxPerWord];
        var nonZero = new int[k];
        var position = new int[k];
        double s = 0;
        for (var t = 0; t < k; t++)
        {
            denom[t] = 1.0 / (betaSum[t] + nk[t] + pk[t]);
            s += alpha[t] * beta * denom[t];
        }

        for (var d = _partitionStarts[p]; d < _partitionStarts[p + 1]; d++)
        {
            var ndk = ndkAll.AsSpan(d * k, k);
            var nzCount = 0;
            double r = 0;
            // Recomputing s per document stops rounding drift from its incremental updates.
            s = 0;
            for (var t = 0; t < k; t++)
            {
                s += alpha[t] * beta * denom[t];
                qCoef[t] = (alpha[t] + ndk[t]) * denom[t];
                if (ndk[t] > 0)
                {
                    position[t] = nzCount;
                    nonZero[nzCount++] = t;
                    r += ndk[t] * beta * denom[t];
                }
            }

            for (var i = starts[d]; i < starts[d + 1]; i++)
            {
                var w = words[i];
                var row = nwk.AsSpan(w * k, k);
                var z = Assignments[i];

                // Take the token out: every bucket term of topic z changes.
                s -= alpha[z] * beta * denom[z];
                r -= ndk[z] * beta * denom[z];
                ndk[z]--;
                row[z]--;
                nk[z]--;
                denom[z] = 1.0 / (betaSum[z] + nk[z] + pk[z]);
                s += alpha[z] * beta * denom[z];
                r += ndk[z] * beta * denom[z];
                qCoef[z] = (alpha[z] + ndk[z]) * denom[z];
                if (ndk[z] == 0)
                {
                    // Swap-remove z from the document's non-zero topics.
                    var last = nonZero[--nzCount];
                    nonZero[position[z]] = last;
                    position[last] = position[z];
                }

                // q bucket: a dense row of K ints is cheaper than keeping sorted sparse lists for the K this model is used
                // with. qTerms holds running sums, so the draw below counts sums instead of scanning K terms.
                // With word promotion the word's pseudo-counts are dense over topics, so they join the q bucket's row.
                var q = promoted.Length == 0 ? RunningSums.Fill(qCoef, row, qTerms) : RunningSums.Fill(qCoef, row, promoted.AsSpan(w * k, k), qTerms);
                var wordMass = q;
                var (sFrom, sTo) = (seedStarts[w], seedStarts[w + 1]);
                for (var j = sFrom; j < sTo; j++)
                {
                    var term = qCoef[seedTopics[j]] * seedCounts[j];
                    seedTerms[j - sFrom] = term;
                    q += term;
                }

                var u = rng.NextDouble() * (s + r + q);
                var nz = -1;
                if (u < q)
                {
                    if (u < wordMass)
                    {
                        nz = RunningSums.FirstAbove(qTerms, u);
                    }
                    else
                    {
                        u -= wordMass;
                        for (var j = sFrom; nz < 0 && j < sTo; j++)
                        {
                            u -= seedTerms[j - sFrom];
                            if (u < 0) nz = seedTopics[j];
                        }
                        // Rounding can leave u just above the last seed term.
                        nz = nz >= 0 ? nz : (sTo > sFrom ? seedTopics[sTo - 1] : LastPositive(qTerms, k, z));
                    }
                }
                else if ((u -= q) < r)
                {
                    for (var j = 0; j < nzCount; j++)
                    {
                        var t = nonZero[j];
                        u -= ndk[t] * beta * denom[t];
                        if (u < 0) { nz = t; break; }
                    }
                    nz = nz >= 0 ? nz : (nzCount > 0 ? nonZero[nzCount - 1] : z);
                }
                else
                {
                    u -= r;
                    for (var t = 0; t < k; t++)
                    {
                        u -= alpha[t] * beta * denom[t];
                        if (u < 0) { nz = t; break; }
                    }
                    nz = nz >= 0 ? nz : k - 1;
                }

                // Put it back under the new topic.
                s -= alpha[nz] * beta * denom[nz];
                r -= ndk[nz] * beta * denom[nz];
                if (ndk[nz] == 0)
                {
                    position[nz] = nzCount;
                    nonZero[nzCount++] = nz;
                }
                ndk[nz]++;
                row[nz]++;
                nk[nz]++;
                denom[nz] = 1.0 / (betaSum[nz] + nk[nz] + pk[nz]);
                s += alpha[nz] * beta * denom[nz];
                r += ndk[nz] * beta * denom[nz];
                qCoef[nz] = (alpha[nz] + ndk[nz]) * denom[nz];
                Assignments[i] = nz;
            }
        }
    }

    /// <summary>Fallback when rounding leaves no topic: the last topic with mass in the running sums.</summary>
    private static int LastPositive(double[] sums, int k, int fallback)
    {
        for (var t = k - 1; t >= 0; t--)
        {
            if (sums[t] > (t > 0 ? sums[t - 1] : 0)) return t;
        }
        return fallback;
    }

    /// <summary>
    /// log p(w, z) with the symmetric β (seed pseudo-counts are a prior on topic identity, not data, and word
    /// promotion's pseudo-counts are left out too: the trace stays comparable with plain LDA's).
    /// </summary>
    public double LogLikelihood()
    {
        var k = _k;
        double ll = 0;
        var lgBeta = SpecialFunctions.GammaLn(_beta);
        for (var t = 0; t < k; t++) ll += SpecialFunctions.GammaLn(_v * _beta) - SpecialFunctions.GammaLn(_v * _beta + TopicTotals[t]);
        foreach (var c in WordTopic)
        {
            if (c > 0) ll += SpecialFunctions.GammaLn(c + _beta) - lgBeta;
        }
        var alphaSum = Alpha.Sum();
        var lgAlphaSum = SpecialFunctions.GammaLn(alphaSum);
        var lgAlpha = Alpha.Select(SpecialFunctions.GammaLn).ToArray();
        for (var d = 0; d < _corpus.DocumentCount; d++)
        {
            var length = _corpus.Starts[d + 1] - _corpus.Starts[d];
            ll += lgAlphaSum - SpecialFunctions.GammaLn(alphaSum + length);
            for (var t = 0; t < k; t++)
            {
                var c = DocumentTopic[d * k + t];
                if (c > 0) ll += SpecialFunctions.GammaLn(Alpha[t] + c) - lgAlpha[t];
            }
        }
        return ll;
    }

    /// <summary>
    /// Minka's fixed-point update of the asymmetric document-topic prior, from histograms of document lengths
    /// and per-topic document counts (MALLET's <c>learnParameters</c>, with its Gamma(1.001, 1) hyperprior
    /// keeping every α_k positive).
    /// </summary>
    public void OptimizeAlpha(int iterations = 200)
    {
        const double shape = 1.001, scale = 1.0;
        var k = _k;
        var maxLength = 0;
        for (var d = 0; d < _corpus.DocumentCount; d++) maxLength = Math.Max(maxLength, _corpus.Starts[d + 1] - _corpus.Starts[d]);
        var lengthHistogram = new int[maxLength + 1];
        var topicHistogram = new int[k, maxLength + 1];
        for (var d = 0; d < _corpus.DocumentCount; d++)
        {
            lengthHistogram[_corpus.Starts[d + 1] - _corpus.Starts[d]]++;
            for (var t = 0; t < k; t++) topicHistogram[t, DocumentTopic[d * k + t]]++;
        }
        var alphaSum = Alpha.Sum();
        for (var it = 0; it < iterations; it++)
        {
            double denominator = 0, digammaDiff = 0;
            for (var n = 1; n <= maxLength; n++)
            {
                digammaDiff += 1.0 / (alphaSum + n - 1);
                denominator += lengthHistogram[n] * digammaDiff;
            }
            denominator -= 1.0 / scale;
            alphaSum = 0;
            for (var t = 0; t < k; t++)
            {
                var old = Alpha[t];
                double numerator = 0;
                digammaDiff = 0;
                for (var c = 1; c <= maxLength; c++)
                {
                    digammaDiff += 1.0 / (old + c - 1);
                    numerator += topicHistogram[t, c] * digammaDiff;
                }
                Alpha[t] = (old * numerator + shape) / denominator;
                alphaSum += Alpha[t];
            }
        }
    }
}
