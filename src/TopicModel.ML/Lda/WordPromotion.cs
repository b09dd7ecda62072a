namespace TopicModel.ML.Lda;

/// <summary>
/// The generalized Pólya urn of Mimno et al. (2011, "Optimizing semantic coherence in topic models"): when a token
/// of word w is in topic t, each of w's related words v also holds A_vw pseudo-counts in t, so words that share
/// documents are pulled into the same topics. Here w's related words are its <c>neighbors</c> of highest NPMI
/// over the documents (at least <see cref="MinimumCoDocuments"/> shared documents, NPMI above 0), each with the
/// same weight. The sampler refreshes the pseudo-counts from the word-topic counts once per sweep
/// (<see cref="Refresh"/>) instead of after every token: a sparse product of V·neighbors·K steps in place of
/// 2·neighbors scattered writes per moved token, and read-only during the sweep, so the threads share one copy.
/// </summary>
internal sealed class WordPromotion
{
    public const int MinimumCoDocuments = 5;

    private WordPromotion(int[] starts, int[] promoters, double weight)
    {
        Starts = starts;
        Promoters = promoters;
        Weight = weight;
    }

    /// <summary>The words that list v among their related words are <c>Promoters[Starts[v]..Starts[v+1]]</c>.</summary>
    public int[] Starts { get; }
    public int[] Promoters { get; }
    /// <summary>A_vw for every related pair.</summary>
    public double Weight { get; }
    public int VocabularySize => Starts.Length - 1;

    /// <summary>
    /// promoted[v * K + t] = Weight · Σ over v's promoters w of wordTopic[w * K + t]; totals[t] = Σ_v promoted[v * K + t].
    /// Each row is summed in one fixed order, so the result does not depend on the thread count.
    /// </summary>
    public void Refresh(int[] wordTopic, int k, float[] promoted, double[] totals, int threads)
    {
        var v = VocabularySize;
        var chunk = Math.Max(256, v / (8 * Math.Max(1, threads)));
        Parallel.For(0, (v + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, part =>
        {
            // Integer sums are exact; one conversion per cell at the end.
            Span<int> sum = stackalloc int[k];
            for (var u = part * chunk; u < Math.Min(v, (part + 1) * chunk); u++)
            {
                sum.Clear();
                for (var j = Starts[u]; j < Starts[u + 1]; j++)
                {
                    var counts = wordTopic.AsSpan(Promoters[j] * k, k);
                    for (var t = 0; t < k; t++) sum[t] += counts[t];
                }
                var row = promoted.AsSpan(u * k, k);
                for (var t = 0; t < k; t++) row[t] = (float)(sum[t] * Weight);
            }
        });
        Array.Clear(totals);
        for (var u = 0; u < v; u++)
            for (var t = 0; t < k; t++) totals[t] += promoted[u * k + t];
    }

    public static WordPromotion Create(LdaCorpus corpus, double weight, int neighbors, int threads)
    {
        var v = corpus.VocabularySize;
        if (weight <= 0 || neighbors == 0) throw new ArgumentOutOfRangeException(nameof(weight), "word promotion needs a positive weight and neighbours");

        // Each document's distinct words (sorted) and each word's documents.
        var (docStarts, docWords) = DistinctWords(corpus);
        var df = new int[v];
        foreach (var w in docWords) df[w]++;
        var postingStarts = new int[v + 1];
        for (var w = 0; w < v; w++) postingStarts[w + 1] = postingStarts[w] + df[w];
        var postings = new int[docWords.Length];
        var fill = postingStarts[..^1].ToArray();
        for (var d = 0; d < corpus.DocumentCount; d++)
            for (var i = docStarts[d]; i < docStarts[d + 1]; i++) postings[fill[docWords[i]]++] = d;

        var docCount = corpus.DocumentCount;
        var logOf = new double[docCount + 1];
        for (var c = 1; c <= docCount; c++) logOf[c] = Math.Log(c);
        var logN = logOf[docCount];
        // Each pair is counted once, from its lower id (documents hold sorted words, so w's partners above it follow
        // it), and offered to both words' lists: half the increments of counting from both sides. Each thread keeps
        // its own lists; the merge below takes the best of their union, so the thread count cannot change the result.
        var partial = new List<NeighborLists>();
        Parallel.For(0, v, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            () => (Counts: new int[v], Touched: new int[v], Lists: new NeighborLists(v, neighbors)),
            (w, _, scratch) =>
            {
                var (counts, touched, lists) = scratch;
                var touchedCount = 0;
                for (var j = postingStarts[w]; j < postingStarts[w + 1]; j++)
                {
                    var d = postings[j];
                    var document = docWords.AsSpan(docStarts[d], docStarts[d + 1] - docStarts[d]);
                    foreach (var u in document[(document.BinarySearch(w) + 1)..])
                    {
                        ref var c = ref counts[u];
                        // Branch-free: the slot is overwritten unless this is u's first document with w.
                        touched[touchedCount] = u;
                        touchedCount += c == 0 ? 1 : 0;
                        c++;
                    }
                }
                foreach (var u in touched.AsSpan(0, touchedCount))
                {
                    var c = counts[u];
                    counts[u] = 0;
                    // NPMI > 0 exactly when c·N > df_w·df_u; only then is the logarithm worth taking.
                    if (c < MinimumCoDocuments || (long)c * docCount <= (long)df[w] * df[u]) continue;
                    // NPMI = log(p(w,u) / p(w)p(u)) / -log p(w,u); 1 when the two are in every document.
                    var npmi = c == docCount ? 1 : (logOf[c] + logN - logOf[df[w]] - logOf[df[u]]) / (logN - logOf[c]);
                    lists.Offer(w, npmi, u);
                    lists.Offer(u, npmi, w);
                }
                return scratch;
            },
            scratch => { lock (partial) partial.Add(scratch.Lists); });
        var lists = NeighborLists.Merge(partial, v, neighbors);

        // Transpose: Refresh sums, for each word, the counts of the words that promote it.
        var starts = new int[v + 1];
        foreach (var list in lists)
            foreach (var u in list) starts[u + 1]++;
        for (var u = 0; u < v; u++) starts[u + 1] += starts[u];
        var promoters = new int[starts[v]];
        var next = starts[..^1].ToArray();
        for (var w = 0; w < v; w++)
            foreach (var u in lists[w]) promoters[next[u]++] = w;
        return new WordPromotion(starts, promoters, weight);
    }

    private static (int[] Starts, int[] Words) DistinctWords(LdaCorpus corpus)
    {
        var n = corpus.DocumentCount;
        var sorted = new int[corpus.TokenCount];
        var lengths = new int[n];
        Parallel.For(0, n, d =>
        {
            var (from, to) = (corpus.Starts[d], corpus.Starts[d + 1]);
            var span = sorted.AsSpan(from, to - from);
            corpus.Document(d).CopyTo(span);
            span.Sort();
            var kept = 0;
            for (var i = 0; i < span.Length; i++)
            {
                if (i == 0 || span[i] != span[kept - 1]) span[kept++] = span[i];
            }
            lengths[d] = kept;
        });
        var starts = new int[n + 1];
        for (var d = 0; d < n; d++) starts[d + 1] = starts[d] + lengths[d];
        var words = new int[starts[n]];
        for (var d = 0; d < n; d++) sorted.AsSpan(corpus.Starts[d], lengths[d]).CopyTo(words.AsSpan(starts[d]));
        return (starts, words);
    }

    /// <summary>For every word, its best <c>size</c> partners so far by NPMI (ties to the lower id), sorted best first.</summary>
    private sealed class NeighborLists(int words, int size)
    {
        private readonly double[] _npmi = new double[words * size];
        private readonly int[] _partner = new int[words * size];
        private readonly int[] _kept = new int[words];

        public void Offer(int w, double npmi, int partner)
        {
            var npmis = _npmi.AsSpan(w * size, size);
            var partners = _partner.AsSpan(w * size, size);
            ref var kept = ref _kept[w];
            if (kept == size && !Before(npmi, partner, npmis[size - 1], partners[size - 1])) return;
            var at = kept < size ? kept++ : size - 1;
            for (; at > 0 && Before(npmi, partner, npmis[at - 1], partners[at - 1]); at--)
            {
                npmis[at] = npmis[at - 1];
                partners[at] = partners[at - 1];
            }
            npmis[at] = npmi;
            partners[at] = partner;
        }

        private static bool Before(double npmi, int partner, double otherNpmi, int otherPartner) =>
            npmi > otherNpmi || (npmi == otherNpmi && partner < otherPartner);

        public static int[][] Merge(IReadOnlyList<NeighborLists> parts, int words, int size)
        {
            var merged = new NeighborLists(words, size);
            foreach (var part in parts)
                for (var w = 0; w < words; w++)
                    for (var j = 0; j < part._kept[w]; j++) merged.Offer(w, part._npmi[w * size + j], part._partner[w * size + j]);
            return [.. Enumerable.Range(0, words).Select(w => merged._partner.AsSpan(w * size, merged._kept[w]).ToArray())];
        }
    }
}
