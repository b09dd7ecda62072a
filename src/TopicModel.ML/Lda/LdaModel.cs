using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TopicModel.ML.IO;
using TopicModel.ML.Metrics;
using TopicModel.ML.Text;

namespace TopicModel.ML.Lda;

/// <summary>
/// A fitted LDA topic model (from <see cref="LatentDirichletAllocation.Fit"/>): topic-word distributions, topic
/// summaries, the training documents' topic mixtures, and fold-in inference for new documents. Immutable and
/// thread-safe; inference is deterministic (its random stream is derived from the seed and the document).
/// </summary>
public sealed class LdaModel
{
    private const string Magic = "TopicModel.LdaModel";
    // 2 adds the fold-in method; a version-1 model folds in by Gibbs sampling, as it did when it was written.
    // 3 adds the CVB0 tolerance; a version-2 model reads the 0.01 tokens it was fixed at.
    private const int FormatVersion = 3;

    private readonly float[] _phi;
    private readonly double[] _alpha;
    private readonly long[] _topicSizes;
    private readonly float[][] _documentTopics;
    private readonly LdaTokenizer _tokenizer;
    private readonly double _alphaSum;
    // Built on the first CVB0 inference: φ and α padded for vector arithmetic.
    private readonly Lazy<(float[] Phi, float[] Alpha, int Width)> _padded;
    // Built on the first inference: V × K doubles a model that only lists topics does not need.
    private readonly Lazy<double[]> _smoothing;

    internal LdaModel(LatentDirichletAllocationOptions options, Vocabulary vocabulary, double[] alpha, float[] phi, long[] topicSizes,
        float[][] documentTopics, LikelihoodPoint[] likelihood)
    {
        var k = alpha.Length;
        if (phi.Length != vocabulary.Count * k || topicSizes.Length != k || documentTopics.Any(t => t.Length != k))
            throw new TopicModelException($"LDA model is inconsistent: {k} topics, {vocabulary.Count} terms, {phi.Length} topic-word weights");
        Options = options;
        Vocabulary = vocabulary;
        _alpha = alpha;
        _phi = phi;
        _topicSizes = topicSizes;
        _documentTopics = documentTopics;
        LikelihoodTrace = likelihood;
        _tokenizer = new LdaTokenizer(options.Normalization, options.AdditionalStopWords, options.MinimumTokenLength);
        _alphaSum = alpha.Sum();
        _padded = new Lazy<(float[], float[], int)>(PaddedTopics, LazyThreadSafetyMode.ExecutionAndPublication);
        _smoothing = new Lazy<double[]>(SmoothingSums, LazyThreadSafetyMode.ExecutionAndPublication);
        _topics = new Lazy<LdaTopic[]>(TopicSummaries, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    // Built when first read: sorting the vocabulary once per topic was 2 % of a one-record `score`, which never reads them.
    private readonly Lazy<LdaTopic[]> _topics;

    private LdaTopic[] TopicSummaries()
    {
        var total = Math.Max(1, _topicSizes.Sum());
        var labels = Options.SeedTopics.ToDictionary(s => s.TopicId, s => s.Label);
        return Enumerable.Range(0, NumberOfTopics)
            .Select(t => new LdaTopic(t, labels.GetValueOrDefault(t), _topicSizes[t], (double)_topicSizes[t] / total, TopTerms(t, Options.NumberOfSummaryTermsPerTopic)))
            .ToArray();
    }

    /// <summary>The options the model was fitted with (inference reuses its tokenization and seed).</summary>
    public LatentDirichletAllocationOptions Options { get; }

    /// <summary>
    /// The same topics, folding new documents in with <paramref name="sweeps"/> Gibbs sweeps: fewer trade accuracy for
    /// scoring speed, more the reverse (docs/benchmarks.md, "Topic mixtures in scoring"). Shares the fitted arrays.
    /// </summary>
    public LdaModel WithInferenceIterations(int sweeps) => WithInference(Options.Inference, sweeps);

    /// <summary>
    /// The same topics, folding new documents in by <paramref name="method"/> with at most <paramref name="iterations"/>
    /// iterations and, under CVB0, <paramref name="tolerance"/> (default: this model's).
    /// </summary>
    public LdaModel WithInference(LdaInference method, int iterations, double? tolerance = null)
    {
        var options = Options with { Inference = method, InferenceIterations = iterations, InferenceTolerance = tolerance ?? Options.InferenceTolerance };
        options.Validate();
        return new LdaModel(options, Vocabulary, _alpha, _phi, _topicSizes, _documentTopics, [.. LikelihoodTrace]);
    }

    public Vocabulary Vocabulary { get; }

    public int NumberOfTopics => _alpha.Length;

    /// <summary>The (possibly optimized) document-topic prior.</summary>
    public IReadOnlyList<double> Alpha => _alpha;

    public IReadOnlyList<LdaTopic> Topics => _topics.Value;

    /// <summary>Topic ids that were seeded, with their labels.</summary>
    public IReadOnlyList<SeedTopic> SeedTopics => Options.SeedTopics;

    /// <summary>Topic mixtures of the training documents, in input order.</summary>
    public IReadOnlyList<float[]> DocumentTopics => _documentTopics;

    public IReadOnlyList<LikelihoodPoint> LikelihoodTrace { get; }

    /// <summary>p(term | topic).</summary>
    public double TermProbability(int topic, int termId) => _phi[termId * NumberOfTopics + topic];

    /// <summary>The topic's distribution over the vocabulary (a copy).</summary>
    public float[] TopicWordDistribution(int topic)
    {
        var row = new float[Vocabulary.Count];
        for (var w = 0; w < row.Length; w++) row[w] = _phi[w * NumberOfTopics + topic];
        return row;
    }

    public IReadOnlyList<TermWeight> TopTerms(int topic, int count)
    {
        var k = NumberOfTopics;
        return Enumerable.Range(0, Vocabulary.Count)
            .OrderByDescending(w => _phi[w * k + topic]).ThenBy(w => w)
            .Take(count)
            .Select(w => new TermWeight(Vocabulary.Term(w), _phi[w * k + topic]))
            .ToArray();
    }

    /// <summary>The model's tokens for <paramref name="text"/> (same analysis as in training).</summary>
    public List<string> Tokenize(string text) => _tokenizer.Tokenize(text);

    /// <summary>Topic mixture of a raw text, tokenized as the training documents were.</summary>
    public float[] InferText(string text) => InferText(new ReadOnlySpan<string>(in text));

    /// <summary>Topic mixture of texts read one after the other (a title and its abstract): the same as of the texts joined by line breaks.</summary>
    public float[] InferText(ReadOnlySpan<string> texts) => Infer(_tokenizer.Ids(texts, Vocabulary));

    /// <summary>
    /// The vocabulary id of a token as the shared <see cref="TokenAnalyzer"/> (with <see cref="LatentDirichletAllocationOptions.Normalization"/>)
    /// gives it, or -1 when the model drops it (its own stop words, too short) or does not know it: what a caller that
    /// tokenizes once for several components looks up once per distinct word.
    /// </summary>
    public int TermIdOfToken(ReadOnlySpan<char> token) => _tokenizer.IdOfToken(token, Vocabulary);

    /// <summary>Topic mixture of a document given as vocabulary ids (from <see cref="TermIdOfToken"/>), in text order.</summary>
    public float[] InferIds(ReadOnlySpan<int> termIds)
    {
        foreach (var id in termIds)
        {
            if ((uint)id >= (uint)Vocabulary.Count) throw new ArgumentOutOfRangeException(nameof(termIds), $"term id {id} is outside 0..{Vocabulary.Count - 1}");
        }
        return Infer(termIds);
    }

    /// <summary>Topic mixture of a tokenized document; out-of-vocabulary tokens are ignored.</summary>
    public float[] Infer(IEnumerable<string> tokens) => Infer(Ids(tokens));

    internal int[] Ids(IEnumerable<string> tokens)
    {
        var ids = new List<int>();
        foreach (var t in tokens)
        {
            var id = Vocabulary.IdOf(t);
            if (id >= 0) ids.Add(id);
        }
        return [.. ids];
    }

    /// <summary>Fold-in by <see cref="LatentDirichletAllocationOptions.Inference"/>: the mixture of a document given as vocabulary ids.</summary>
    internal float[] Infer(ReadOnlySpan<int> words) =>
        Options.Inference == LdaInference.Cvb0 ? InferCvb0(words) : InferGibbs(words);

    /// <summary>
    /// Fold-in by CVB0 (Asuncion et al. 2009's zero-order collapsed variational Bayes) with the topics fixed: each
    /// distinct word w (count c_w) keeps a distribution q_w over topics, the document's expected counts are
    /// n_t = Σ_w c_w q_w(t), and each word in turn is updated to q_w(t) ∝ φ_tw (α_t + n_t − q_w(t)): the collapsed
    /// Gibbs conditional of one of its tokens with that token's own share taken out, in expectation. The sweep over
    /// the words (in order of first occurrence, counts updated as it goes) repeats until no expected count moves by more than
    /// <see cref="LatentDirichletAllocationOptions.InferenceTolerance"/> tokens, at most <see cref="LatentDirichletAllocationOptions.InferenceIterations"/>
    /// times. No random numbers and a fixed order of operations: the same words give the same bits on any thread.
    /// </summary>
    private float[] InferCvb0(ReadOnlySpan<int> words)
    {
        var k = NumberOfTopics;
        var theta = new float[k];
        if (words.Length == 0)
        {
            for (var t = 0; t < k; t++) theta[t] = (float)(_alpha[t] / _alphaSum);
            return theta;
        }
        // Distinct words with their counts, in order of first occurrence: the document is a bag of words to CVB0.
        var distinctWords = words.Length <= 1024 ? stackalloc int[words.Length] : new int[words.Length];
        var counts = words.Length <= 1024 ? stackalloc float[words.Length] : new float[words.Length];
        var distinct = DistinctWords(words, distinctWords, counts);

        // Topics padded to a whole number of vectors (pad lanes: α = φ = 0, so they stay 0); the arithmetic is per
        // lane and every sum over topics runs in a fixed order (by halving for up to 16 topics, Normalizer16; in topic
        // order above that), so any vector width gives the same bits.
        var (phi, alpha, kp) = _padded.Value;
        var width = Vector<float>.Count;
        var pooled = distinct * kp > 4096 ? ArrayPool<float>.Shared.Rent(distinct * kp) : null;
        var q = pooled is null ? stackalloc float[distinct * kp] : pooled.AsSpan(0, distinct * kp);
        Span<float> n = kp <= 256 ? stackalloc float[kp] : new float[kp];
        Span<float> p = kp <= 256 ? stackalloc float[kp] : new float[kp];
        n.Clear();
        // Start from the smoothing part alone, q_w(t) ∝ α_t φ_tw: the prior's guess for each word.
        for (var j = 0; j < distinct; j++)
        {
            var row = phi.AsSpan(distinctWords[j] * kp, kp);
            var qw = q.Slice(j * kp, kp);
            for (var t = 0; t < kp; t += width)
                (new Vector<float>(alpha.AsSpan(t)) * new Vector<float>(row[t..])).CopyTo(qw[t..]);
            var scale = 1f / Sum(qw, k);
            var c = counts[j];
            for (var t = 0; t < kp; t += width)
            {
                var share = new Vector<float>(qw[t..]) * scale;
                share.CopyTo(qw[t..]);
                (new Vector<float>(n[t..]) + share * c).CopyTo(n[t..]);
            }
        }
        var tolerance = (float)Options.InferenceTolerance;
        for (var it = 0; it < Options.InferenceIterations; it++)
        {
            if (kp == 16 && Vector256.IsHardwareAccelerated)
            {
                if (Sweep16(phi, alpha, distinctWords[..distinct], counts, q, n, k) < tolerance) break;
                continue;
            }
            var moved = Vector<float>.Zero;
            for (var j = 0; j < distinct; j++)
            {
                var row = phi.AsSpan(distinctWords[j] * kp, kp);
                var qw = q.Slice(j * kp, kp);
                for (var t = 0; t < kp; t += width)
                {
                    var rest = Vector.Max(Vector<float>.Zero, new Vector<float>(alpha.AsSpan(t)) + new Vector<float>(n[t..]) - new Vector<float>(qw[t..]));
                    (new Vector<float>(row[t..]) * rest).CopyTo(p[t..]);
                }
                var scale = 1f / (kp == 16 ? Normalizer16(p) : Sum(p, k));
                var c = counts[j];
                for (var t = 0; t < kp; t += width)
                {
                    var updated = new Vector<float>(p[t..]) * scale;
                    var delta = (updated - new Vector<float>(qw[t..])) * c;
                    (new Vector<float>(n[t..]) + delta).CopyTo(n[t..]);
                    updated.CopyTo(qw[t..]);
                    moved = Vector.Max(moved, Vector.Abs(delta));
                }
            }
            var largest = 0f;
            for (var lane = 0; lane < width; lane++) largest = MathF.Max(largest, moved[lane]);
            if (largest < tolerance) break;
        }
        if (pooled is not null) ArrayPool<float>.Shared.Return(pooled);
        var total = words.Length + _alphaSum;
        for (var t = 0; t < k; t++) theta[t] = (float)((n[t] + _alpha[t]) / total);
        return theta;
    }

    /// <summary>
    /// One CVB0 sweep for up to 16 topics (two 8-lane vectors), the expected counts kept in registers across the words:
    /// the same operations per lane, in the same order, as the general loop above (so the same bits), without its
    /// loads and stores of n and p per word. Returns the largest count change. Measured in docs/benchmarks.md.
    /// </summary>
    private static float Sweep16(float[] phi, float[] alpha, ReadOnlySpan<int> words, ReadOnlySpan<float> counts, Span<float> q, Span<float> n, int k)
    {
        ref var phiRef = ref MemoryMarshal.GetArrayDataReference(phi);
        ref var qRef = ref MemoryMarshal.GetReference(q);
        ref var nRef = ref MemoryMarshal.GetReference(n);
        var a0 = Vector256.Create<float>(alpha.AsSpan(0, 8));
        var a1 = Vector256.Create<float>(alpha.AsSpan(8, 8));
        var n0 = Vector256.LoadUnsafe(ref nRef);
        var n1 = Vector256.LoadUnsafe(ref nRef, 8);
        var moved = Vector256<float>.Zero;
        for (var j = 0; j < words.Length; j++)
        {
            var row = (nuint)words[j] * 16;
            var at = (nuint)j * 16;
            var q0 = Vector256.LoadUnsafe(ref qRef, at);
            var q1 = Vector256.LoadUnsafe(ref qRef, at + 8);
            var p0 = Vector256.LoadUnsafe(ref phiRef, row) * Vector256.Max(Vector256<float>.Zero, a0 + n0 - q0);
            var p1 = Vector256.LoadUnsafe(ref phiRef, row + 8) * Vector256.Max(Vector256<float>.Zero, a1 + n1 - q1);
            // Halving sum (lane t + lane t+8, then +4, +2, +1): four dependent adds instead of fourteen, in the order
            // of Normalizer16.
            var h8 = p0 + p1;
            var h4 = h8.GetLower() + h8.GetUpper();
            var h2 = h4 + Vector128.Shuffle(h4, Vector128.Create(2, 3, 0, 1));
            var scale = 1f / (h2.GetElement(0) + h2.GetElement(1));
            var c = counts[j];
            var u0 = p0 * scale;
            var u1 = p1 * scale;
            var d0 = (u0 - q0) * c;
            var d1 = (u1 - q1) * c;
            n0 += d0;
            n1 += d1;
            u0.StoreUnsafe(ref qRef, at);
            u1.StoreUnsafe(ref qRef, at + 8);
            moved = Vector256.Max(moved, Vector256.Max(Vector256.Abs(d0), Vector256.Abs(d1)));
        }
        n0.StoreUnsafe(ref nRef);
        n1.StoreUnsafe(ref nRef, 8);
        var largest = 0f;
        for (var lane = 0; lane < 8; lane++) largest = MathF.Max(largest, moved.GetElement(lane));
        return largest;
    }

    [ThreadStatic] private static int[]? t_slotOfWord;
    [ThreadStatic] private static int[]? t_stampOfWord;
    [ThreadStatic] private static int t_stamp;

    /// <summary>
    /// The distinct ids of <paramref name="words"/> in order of first occurrence, with their counts; returns how many.
    /// A per-thread table over the vocabulary, reset lazily by a stamp per call, replaces a sort of the document.
    /// </summary>
    private int DistinctWords(ReadOnlySpan<int> words, Span<int> distinctWords, Span<float> counts)
    {
        var size = Vocabulary.Count;
        if (t_slotOfWord is null || t_slotOfWord.Length < size)
        {
            t_slotOfWord = new int[size];
            t_stampOfWord = new int[size];
            t_stamp = 0;
        }
        var slot = t_slotOfWord;
        var seen = t_stampOfWord!;
        if (++t_stamp == int.MaxValue)
        {
            Array.Clear(seen);
            t_stamp = 1;
        }
        var stamp = t_stamp;
        var distinct = 0;
        foreach (var w in words)
        {
            if (seen[w] == stamp) counts[slot[w]]++;
            else
            {
                seen[w] = stamp;
                slot[w] = distinct;
                distinctWords[distinct] = w;
                counts[distinct++] = 1;
            }
        }
        return distinct;
    }

    /// <summary>
    /// Σ values[0..16) by halving: v[t] + v[t+8], then + the value 4 lanes on, then 2, then 1. Pad lanes hold 0, which
    /// leaves every sum exact, so this is the normalizer of any K ≤ 16; <see cref="Sweep16"/> adds in the same order.
    /// </summary>
    private static float Normalizer16(ReadOnlySpan<float> v)
    {
        Span<float> h = stackalloc float[8];
        for (var t = 0; t < 8; t++) h[t] = v[t] + v[t + 8];
        for (var t = 0; t < 4; t++) h[t] += h[t + 4];
        for (var t = 0; t < 2; t++) h[t] += h[t + 2];
        return h[0] + h[1];
    }

    /// <summary>Σ values[0..k), in topic order.</summary>
    private static float Sum(ReadOnlySpan<float> values, int k)
    {
        var sum = 0f;
        for (var t = 0; t < k; t++) sum += values[t];
        return sum;
    }

    /// <summary>φ word-major with each word's K topics padded to a multiple of 16 (any <see cref="Vector{T}"/> width), and α padded alike.</summary>
    private (float[] Phi, float[] Alpha, int Width) PaddedTopics()
    {
        var k = NumberOfTopics;
        var kp = (k + 15) / 16 * 16;
        var phi = new float[Vocabulary.Count * kp];
        for (var w = 0; w < Vocabulary.Count; w++) _phi.AsSpan(w * k, k).CopyTo(phi.AsSpan(w * kp));
        var alpha = new float[kp];
        for (var t = 0; t < k; t++) alpha[t] = (float)_alpha[t];
        return (phi, alpha, kp);
    }

    /// <summary>
    /// Fold-in: Gibbs sampling of the document's topics with the topic-word distributions fixed; the first
    /// quarter of the sweeps is burn-in. After it, every token adds its full conditional p(z = t | rest) to the
    /// expected topic counts instead of only its drawn topic (a Rao-Blackwellised estimate): measured against a
    /// 1,000-sweep reference on 2,000 arXiv abstracts, 10 sweeps this way are as close (mean L1 0.033) as 40 sweeps
    /// counting draws (0.034). Seeded by the model seed and the word ids, so the same document always gets the same
    /// mixture, from any thread, in any order.
    /// <para>
    /// Each draw splits p(t) ∝ (α_t + n_dt) φ_tw into a smoothing part α_t φ_tw, fixed per word (running sums
    /// precomputed once, drawn by binary search), and a document part n_dt φ_tw over the few topics the document
    /// already uses (as SparseLDA does in training): O(topics in the document + log K) per token instead of O(K),
    /// which is what makes a mixture per scored paper affordable.
    /// </para>
    /// </summary>
    private float[] InferGibbs(ReadOnlySpan<int> words)
    {
        var k = NumberOfTopics;
        var alphaSum = _alphaSum;
        var theta = new float[k];
        if (words.Length == 0)
        {
            for (var t = 0; t < k; t++) theta[t] = (float)(_alpha[t] / alphaSum);
            return theta;
        }
        var hash = 17;
        foreach (var w in words) hash = unchecked(hash * 31 + w);
        var rng = new SplitMix64(Options.Seed, hash);
        var smoothing = _smoothing.Value;
        var z = new int[words.Length];
        var nd = new int[k];
        var nonZero = new int[k];
        var position = new int[k];
        var nzCount = 0;
        var docTerms = new double[k];
        // α_t + n_dt as floats, kept beside the counts so the per-token expectation is one multiply-add per topic.
        var weight = new float[k];
        var expected = new float[k];
        for (var t = 0; t < k; t++) weight[t] = (float)_alpha[t];
        var iterations = Options.InferenceIterations;
        var burnIn = iterations / 4;
        var samples = 0;
        for (var it = -1; it < iterations; it++)
        {
            for (var i = 0; i < words.Length; i++)
            {
                // Iteration -1 is the initialisation: each token drawn given the tokens before it (sequentially, like a sweep).
                if (it >= 0) weight[z[i]] -= 1;
                if (it >= 0 && --nd[z[i]] == 0)
                {
                    var gone = z[i];
                    var last = nonZero[--nzCount];
                    nonZero[position[gone]] = last;
                    position[last] = position[gone];
                }
                var w = words[i];
                var row = _phi.AsSpan(w * k, k);
                double docMass = 0;
                for (var j = 0; j < nzCount; j++)
                {
                    docMass += nd[nonZero[j]] * row[nonZero[j]];
                    docTerms[j] = docMass;
                }
                var cumulative = smoothing.AsSpan(w * k, k);
                var mass = docMass + cumulative[k - 1];
                if (it >= burnIn) AddConditional(expected, weight, row, (float)(1.0 / mass));
                var u = rng.NextDouble() * mass;
                int nz;
                if (u < docMass)
                {
                    var j = 0;
                    while (j < nzCount - 1 && docTerms[j] <= u) j++;
                    nz = nonZero[j];
                }
                else
                {
                    nz = RunningSums.FirstAbove(cumulative, u - docMass);
                }
                z[i] = nz;
                weight[nz] += 1;
                if (nd[nz]++ == 0)
                {
                    position[nz] = nzCount;
                    nonZero[nzCount++] = nz;
                }
            }
            if (it >= burnIn) samples++;
        }
        for (var t = 0; t < k; t++) theta[t] = (float)((expected[t] / samples + _alpha[t]) / (words.Length + alphaSum));
        return theta;
    }

    /// <summary>expected += weight ⊙ row · scale: one token's full conditional, eight topics per instruction where the hardware allows.</summary>
    private static void AddConditional(Span<float> expected, ReadOnlySpan<float> weight, ReadOnlySpan<float> row, float scale)
    {
        var t = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(scale);
            ref var e = ref MemoryMarshal.GetReference(expected);
            ref var w = ref MemoryMarshal.GetReference(weight);
            ref var r = ref MemoryMarshal.GetReference(row);
            for (; t <= expected.Length - 8; t += 8)
            {
                var i = (nuint)t;
                (Vector256.LoadUnsafe(ref e, i) + Vector256.LoadUnsafe(ref w, i) * Vector256.LoadUnsafe(ref r, i) * s).StoreUnsafe(ref e, i);
            }
        }
        // Same operations in the same order as the vector lanes, so the result does not depend on the hardware.
        for (; t < expected.Length; t++) expected[t] += weight[t] * row[t] * scale;
    }

    /// <summary>Per word, running sums over topics of α_t φ_tw (word-major, K per word): the smoothing part of a fold-in draw.</summary>
    private double[] SmoothingSums()
    {
        var k = NumberOfTopics;
        var sums = new double[_phi.Length];
        for (var w = 0; w < Vocabulary.Count; w++)
        {
            double total = 0;
            for (var t = 0; t < k; t++)
            {
                total += _alpha[t] * _phi[w * k + t];
                sums[w * k + t] = total;
            }
        }
        return sums;
    }

    /// <summary>
    /// Held-out perplexity by document completion (Wallach et al. 2009): each document's even-position tokens
    /// give its mixture by fold-in, its odd-position tokens are scored under that mixture. Lower is better.
    /// </summary>
    public double Perplexity(IEnumerable<IEnumerable<string>> documents)
    {
        var k = NumberOfTopics;
        double logLikelihood = 0;
        long tokens = 0;
        foreach (var document in documents)
        {
            var ids = Ids(document);
            if (ids.Length < 2) continue;
            var observed = ids.Where((_, i) => i % 2 == 0).ToArray();
            var theta = Infer(observed);
            for (var i = 1; i < ids.Length; i += 2)
            {
                var row = _phi.AsSpan(ids[i] * k, k);
                double p = 0;
                for (var t = 0; t < k; t++) p += theta[t] * row[t];
                logLikelihood += Math.Log(p);
                tokens++;
            }
        }
        if (tokens == 0) throw new TopicModelException("perplexity: no held-out document has two or more in-vocabulary tokens");
        return Math.Exp(-logLikelihood / tokens);
    }

    /// <summary>UMass and NPMI of every topic's top <paramref name="topTerms"/> terms over <paramref name="reference"/>.</summary>
    public CoherenceScores Coherence(CoherenceReference reference, int topTerms = 10) =>
        TopicCoherence.Score(Enumerable.Range(0, NumberOfTopics).Select(t => (IReadOnlyList<string>)TopTerms(t, topTerms).Select(x => x.Term).ToArray()).ToArray(), reference);

    public void Save(BinaryWriter writer)
    {
        var o = Options;
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(NumberOfTopics);
        writer.Write(o.Beta);
        writer.Write(o.AlphaSum);
        writer.Write(o.MaximumNumberOfIterations);
        writer.Write(o.NumberOfSummaryTermsPerTopic);
        writer.Write(o.Seed);
        writer.Write(o.InferenceIterations);
        writer.Write((int)o.Inference);
        writer.Write(o.InferenceTolerance);
        writer.Write(o.MinimumTokenLength);
        var n = o.Normalization;
        writer.Write(n.CaseFolding);
        writer.Write(n.RemoveDiacritics);
        writer.Write(n.KeepPunctuation);
        writer.Write((int)n.Numbers);
        writer.Write(n.RemoveStopWords);
        writer.Write(o.AdditionalStopWords.Count);
        foreach (var s in o.AdditionalStopWords) writer.Write(s);
        writer.Write(o.SeedTopics.Count);
        foreach (var s in o.SeedTopics)
        {
            writer.Write(s.TopicId);
            writer.Write(s.Label);
            writer.Write(s.Words.Count);
            foreach (var w in s.Words) writer.Write(w);
        }
        Vocabulary.Save(writer);
        foreach (var a in _alpha) writer.Write(a);
        foreach (var s in _topicSizes) writer.Write(s);
        foreach (var f in _phi) writer.Write(f);
        writer.Write(_documentTopics.Length);
        foreach (var row in _documentTopics)
            foreach (var f in row) writer.Write(f);
        writer.Write(LikelihoodTrace.Count);
        foreach (var point in LikelihoodTrace)
        {
            writer.Write(point.Iteration);
            writer.Write(point.LogLikelihood);
            writer.Write(point.PerToken);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote; every count and probability is checked so a damaged file fails clearly.</summary>
    public static LdaModel Load(BinaryReader reader)
    {
        try
        {
            if (reader.ReadString() != Magic) throw Corrupt("not an LDA model");
            var version = reader.ReadInt32();
            if (version is < 1 or > FormatVersion)
                throw new TopicModelException($"LDA model has format version {version}; this build reads 1 to {FormatVersion}");
            var k = Count(reader.ReadInt32(), 1, 10_000, "topic count");
            var options = new LatentDirichletAllocationOptions
            {
                NumberOfTopics = k,
                Beta = reader.ReadDouble(),
                AlphaSum = reader.ReadDouble(),
                MaximumNumberOfIterations = reader.ReadInt32(),
                NumberOfSummaryTermsPerTopic = reader.ReadInt32(),
                Seed = reader.ReadInt32(),
                InferenceIterations = reader.ReadInt32(),
                Inference = version >= 2 ? (LdaInference)reader.ReadInt32() : LdaInference.Gibbs,
                // Before version 3 the tolerance was fixed at 0.01 tokens.
                InferenceTolerance = version >= 3 ? reader.ReadDouble() : 0.01,
                MinimumTokenLength = reader.ReadInt32(),
                Normalization = new TextNormalizationOptions
                {
                    CaseFolding = reader.ReadBoolean(),
                    RemoveDiacritics = reader.ReadBoolean(),
                    KeepPunctuation = reader.ReadBoolean(),
                    Numbers = (NumberHandling)reader.ReadInt32(),
                    RemoveStopWords = reader.ReadBoolean(),
                },
                AdditionalStopWords = Strings(reader),
            };
            var seeds = new SeedTopic[Fits(reader, Count(reader.ReadInt32(), 0, k, "seed topic count"), 9, "seed topics")];
            for (var i = 0; i < seeds.Length; i++) seeds[i] = new SeedTopic(reader.ReadInt32(), reader.ReadString(), Strings(reader));
            options = options with { SeedTopics = seeds };
            try
            {
                options.Validate();
            }
            catch (TopicModelException e)
            {
                throw Corrupt(e.Problem);
            }
            var vocabulary = Vocabulary.Load(reader);
            var alpha = new double[k];
            for (var t = 0; t < k; t++)
            {
                alpha[t] = reader.ReadDouble();
                if (!(alpha[t] > 0) || !double.IsFinite(alpha[t])) throw Corrupt($"alpha[{t}] = {alpha[t]}");
            }
            var sizes = new long[k];
            for (var t = 0; t < k; t++)
            {
                sizes[t] = reader.ReadInt64();
                if (sizes[t] < 0) throw Corrupt($"topic {t} has size {sizes[t]}");
            }
            var phi = new float[Fits(reader, checked(vocabulary.Count * k), 4, "topic-word weights")];
            for (var i = 0; i < phi.Length; i++)
            {
                phi[i] = reader.ReadSingle();
                if (!(phi[i] >= 0 && phi[i] <= 1)) throw Corrupt($"topic-word weight {i} = {phi[i]}");
            }
            var documents = new float[Fits(reader, Count(reader.ReadInt32(), 0, int.MaxValue, "document count"), 4 * k, "document topics")][];
            for (var d = 0; d < documents.Length; d++)
            {
                var row = documents[d] = new float[k];
                for (var t = 0; t < k; t++) row[t] = reader.ReadSingle();
            }
            var trace = new LikelihoodPoint[Fits(reader, Count(reader.ReadInt32(), 0, 10_000_000, "likelihood trace length"), 20, "likelihood trace")];
            for (var i = 0; i < trace.Length; i++) trace[i] = new LikelihoodPoint(reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble());
            return new LdaModel(options, vocabulary, alpha, phi, sizes, documents, trace);
        }
        catch (EndOfStreamException e)
        {
            throw new TopicModelException("LDA model is truncated", inner: e);
        }
    }

    private static IReadOnlyList<string> Strings(BinaryReader reader)
    {
        var list = new string[Fits(reader, Count(reader.ReadInt32(), 0, 1_000_000, "string count"), 1, "strings")];
        for (var i = 0; i < list.Length; i++) list[i] = reader.ReadString();
        return list;
    }

    private static int Count(int value, int min, int max, string what) =>
        value >= min && value <= max ? value : throw Corrupt($"{what} {value} is outside {min}..{max}");

    private static TopicModelException Corrupt(string problem) => new($"LDA model is corrupted: {problem}");

    /// <summary>A count the rest of the file cannot hold ends as "LDA model is truncated" (see <see cref="BinaryBounds"/>).</summary>
    private static int Fits(BinaryReader reader, int count, int minBytesEach, string what) => BinaryBounds.Count(reader, count, minBytesEach, what);
}
