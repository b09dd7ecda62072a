using System.Runtime.Intrinsics.X86;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;
using TopicModel.ML.Lda;
using TopicModel.ML.Text;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// Every word the text featurizer, the keyword rules and the topic model know, compiled into one table, so that scoring
/// folds and tokenizes a paper once and looks each token up once: the entry found says what the token is to each of
/// them (a stop word or number the featurizer and LDA drop, its keyword word ids per field, its LDA term id), and a trie
/// over entries per feature block gives the word n-gram features. The three components used to fold, tokenize and look
/// the text up each on their own; docs/benchmarks.md ("Scoring speed") has the measurement.
/// <para>
/// Gives exactly the components' own results (the featurizer's term ids, the rules' hit counts, the fold-in's word ids),
/// when they share the text analysis: case and diacritic folding, no punctuation tokens, numbers kept or removed, and the
/// same options for LDA; <see cref="TryCreate"/> returns null otherwise and the caller keeps the components' own paths.
/// Immutable and thread-safe; the per-paper buffers are per thread.
/// </para>
/// </summary>
internal sealed class ScoringLexicon
{
    private readonly TermTable _words;
    // Per entry (a folded word form): dropped before n-grams and LDA, LDA term id (-1: none), keyword word ids per field.
    private readonly bool[] _dropped;
    private readonly int[] _ldaIds;
    private readonly int[]?[] _titleKeywords;
    private readonly int[]?[] _abstractKeywords;
    private readonly NgramTrie[] _blocks;
    private readonly int[][] _blockFields;
    private readonly TextNormalizationOptions _normalization;

    private ScoringLexicon(FittedTextFeaturizer featurizer, RuleFeatures? rules, LdaModel? lda)
    {
        _normalization = featurizer.Options.Normalization;
        // The words in order of first sight (a set without removals enumerates so), not sorted: any order gives the same
        // look-ups, and an n-gram's words are looked up as spans, so only a word not seen before becomes a string.
        var surfaces = new HashSet<string>(StringComparer.Ordinal);
        var bySpan = surfaces.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var b = 0; b < featurizer.BlockCount; b++)
        {
            foreach (var term in featurizer.WordVocabulary(b)!.Terms)
            {
                if (term.Contains(' '))
                {
                    foreach (var part in term.AsSpan().Split(' ')) bySpan.Add(term.AsSpan()[part]);
                }
                else
                {
                    surfaces.Add(term);
                }
            }
        }
        if (lda is not null) surfaces.UnionWith(lda.Vocabulary.Terms);
        if (rules is not null) surfaces.UnionWith(rules.Functions.KeywordSurfaces);
        // Stop words must be known to be skipped: an unknown word stays in the token sequence and breaks n-grams.
        if (_normalization.RemoveStopWords) surfaces.UnionWith(StopWords.English);
        var words = surfaces.ToArray();
        _words = new TermTable(words);

        _dropped = new bool[words.Length];
        _ldaIds = new int[words.Length];
        _titleKeywords = new int[]?[words.Length];
        _abstractKeywords = new int[]?[words.Length];
        for (var e = 0; e < words.Length; e++)
        {
            _dropped[e] = IsDropped(words[e]);
            _ldaIds[e] = lda is null || _dropped[e] ? -1 : lda.TermIdOfToken(words[e]);
            _titleKeywords[e] = rules?.Functions.KeywordWordIds(PaperField.Title, words[e]);
            _abstractKeywords[e] = rules?.Functions.KeywordWordIds(PaperField.Abstract, words[e]);
        }
        _blocks = new NgramTrie[featurizer.BlockCount];
        _blockFields = new int[featurizer.BlockCount][];
        // The blocks' tries (the title's and the abstract's, most of the build) on all cores.
        Parallel.For(0, _blocks.Length, b =>
        {
            _blocks[b] = new NgramTrie(featurizer.WordVocabulary(b)!, _words, featurizer.Options.MinWordNgramLength, featurizer.Options.MaxWordNgramLength);
            _blockFields[b] = [.. featurizer.BlockFields(b)];
        });
        HasRules = rules is not null;
        HasTopics = lda is not null;
    }

    public bool HasRules { get; }
    public bool HasTopics { get; }

    /// <summary>The lexicon for these components, or null when they do not analyze text the same way (see the class summary).</summary>
    public static ScoringLexicon? TryCreate(FittedTextFeaturizer featurizer, RuleFeatures? rules, LdaModel? lda)
    {
        var n = featurizer.Options.Normalization;
        var shared = featurizer.HasOnlyWordNgramDictionaries && featurizer.FieldCount == 2
            && n.CaseFolding && n.RemoveDiacritics && !n.KeepPunctuation && n.Numbers != NumberHandling.Replace
            && (lda is null || lda.Options.Normalization == n);
        return shared ? new ScoringLexicon(featurizer, rules, lda) : null;
    }

    /// <summary>
    /// Folds and tokenizes the paper's title and abstract once; the result (this thread's buffers, valid until its next
    /// call) holds the featurizer's term ids per block, the rules' looked-up tokens per field and the fold-in's word ids.
    /// </summary>
    public PaperTerms Read(Paper paper)
    {
        var terms = t_terms ??= new PaperTerms();
        terms.Clear();
        Tokenize(paper.Title, 0, _titleKeywords, terms);
        Tokenize(paper.Abstract, 1, _abstractKeywords, terms);
        for (var b = 0; b < _blocks.Length; b++)
        {
            foreach (var f in _blockFields[b]) _blocks[b].AddNgrams(terms.Kept(f), terms);
            terms.EndBlock(b, _blocks.Length);
        }
        return terms;
    }

    private void Tokenize(string text, int field, int[]?[] keywords, PaperTerms terms)
    {
        var folded = terms.Folded(TextNormalizer.MaxFoldedLength(text.Length));
        folded = folded[..TextNormalizer.Fold(text, folded)];
        var removeNumbers = _normalization.Numbers == NumberHandling.Remove;
        foreach (var token in WordTokenizer.EnumerateTokens(folded))
        {
            var e = _words.IdOf(token);
            terms.AddKeywordToken(field, e >= 0 ? keywords[e] : null);
            if (e >= 0)
            {
                if (_dropped[e]) continue;
                if (_ldaIds[e] >= 0) terms.AddLdaId(_ldaIds[e]);
            }
            else if (removeNumbers && IsNumber(token))
            {
                continue;
            }
            terms.AddKept(field, e);
        }
    }

    private bool IsDropped(string word) =>
        (_normalization.RemoveStopWords && StopWords.IsEnglish(word)) || (_normalization.Numbers == NumberHandling.Remove && IsNumber(word));

    // The analyzer's test (TokenAnalyzer): every char a digit.
    private static bool IsNumber(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (!char.IsDigit(c)) return false;
        }
        return true;
    }

    [ThreadStatic] private static PaperTerms? t_terms;

    /// <summary>
    /// A block's word n-grams as a trie over lexicon entries: the node of an n-gram's first n−1 words plus the next word's
    /// entry give its node, and a node that is a vocabulary term has its id. A node is looked up together with its
    /// feature id (<see cref="Node"/>), so each step of the walk reads one table slot.
    /// </summary>
    private sealed class NgramTrie
    {
        private readonly Node[] _first;
        private readonly PairTable _next;
        private readonly int _min;
        private readonly int _max;

        public NgramTrie(Vocabulary vocabulary, TermTable words, int min, int max)
        {
            _min = min;
            _max = max;
            var firstNode = new int[words.Count];
            Array.Fill(firstNode, -1);
            var feature = new List<int>();
            var pairs = 0;
            for (var id = 0; id < vocabulary.Count; id++) pairs += vocabulary.Term(id).AsSpan().Count(' ');
            // Every step of an n-gram after its first word may be a new pair: the table is sized for that many.
            var next = new PairTable(pairs);
            for (var id = 0; id < vocabulary.Count; id++)
            {
                var term = vocabulary.Term(id).AsSpan();
                var node = -1;
                foreach (var part in term.Split(' '))
                {
                    // A node new to the trie gets the next number, and -1 (a prefix only) as its feature for now.
                    var e = words.IdOf(term[part]);
                    node = node < 0
                        ? firstNode[e] >= 0 ? firstNode[e] : firstNode[e] = feature.Count
                        : next.GetOrAdd(Key(node, e), feature.Count);
                    if (node == feature.Count) feature.Add(-1);
                }
                feature[node] = id;
            }
            next.SetFeatures(feature);
            _first = [.. firstNode.Select(n => n < 0 ? Node.None : new Node(n, feature[n]))];
            _next = next;
        }

        /// <summary>The ids of the n-grams (min..max words) of a field's kept tokens (-1: a word no term has).</summary>
        public void AddNgrams(ReadOnlySpan<int> kept, PaperTerms terms)
        {
            // The walk's second steps land in random slots of a table of megabytes: ask for all of them first, so their
            // cache misses overlap instead of coming one after the other (docs/benchmarks.md, issue 21 fourth round).
            if (_max >= 2)
            {
                for (var i = 0; i + 1 < kept.Length; i++)
                {
                    if (kept[i] < 0 || kept[i + 1] < 0) continue;
                    var first = _first[kept[i]];
                    if (first.Id >= 0) _next.Prefetch(Key(first.Id, kept[i + 1]));
                }
            }
            for (var i = 0; i < kept.Length; i++)
            {
                if (kept[i] < 0) continue;
                var node = _first[kept[i]];
                for (var n = 1; node.Id >= 0; n++)
                {
                    if (n >= _min && node.Feature >= 0) terms.AddFeatureId(node.Feature);
                    if (n == _max || i + n >= kept.Length || kept[i + n] < 0) break;
                    node = _next.Get(Key(node.Id, kept[i + n]));
                }
            }
        }

        private static long Key(int node, int entry) => ((long)node << 32) | (uint)entry;
    }

    /// <summary>A trie node and the vocabulary id of its n-gram (-1: a prefix only); <see cref="None"/> has id -1.</summary>
    private readonly record struct Node(int Id, int Feature)
    {
        public static readonly Node None = new(-1, -1);
    }

    /// <summary>
    /// (node, entry) -> child node, open addressing over a multiplicative hash, key and value side by side in one 16-byte
    /// slot. <see cref="Dictionary{TKey, TValue}"/> of long hashes a key by xor-ing its halves, which for two small ints
    /// collides so much that the n-gram walk cost 45 µs a paper (docs/benchmarks.md); this costs a probe or two.
    /// </summary>
    private sealed class PairTable
    {
        private readonly Slot[] _slots;
        private readonly int _shift;

        /// <summary>An empty table with room for <paramref name="pairs"/> keys, at most half full.</summary>
        public PairTable(int pairs)
        {
            var capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)pairs * 2));
            _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
            _slots = new Slot[capacity];
            Array.Fill(_slots, new Slot(-1L, Node.None));
        }

        /// <summary>While building: the child node of <paramref name="key"/>, or <paramref name="newChild"/>, added, when there is none yet.</summary>
        public int GetOrAdd(long key, int newChild)
        {
            var mask = _slots.Length - 1;
            var i = SlotOf(key);
            for (; _slots[i].Key != -1L; i = (i + 1) & mask)
            {
                if (_slots[i].Key == key) return _slots[i].Value.Id;
            }
            _slots[i] = new Slot(key, new Node(newChild, -1));
            return newChild;
        }

        /// <summary>Once every n-gram is in: each child node gets its n-gram's feature id.</summary>
        public void SetFeatures(List<int> feature)
        {
            foreach (ref var slot in _slots.AsSpan())
            {
                if (slot.Key != -1L) slot = slot with { Value = new Node(slot.Value.Id, feature[slot.Value.Id]) };
            }
        }

        /// <summary>The value of <paramref name="key"/>, or <see cref="Node.None"/>.</summary>
        public Node Get(long key)
        {
            var mask = _slots.Length - 1;
            for (var i = SlotOf(key); ; i = (i + 1) & mask)
            {
                ref readonly var slot = ref _slots[i];
                if (slot.Key == key) return slot.Value;
                if (slot.Key == -1L) return Node.None;
            }
        }

        /// <summary>Starts loading the slot where a look-up of <paramref name="key"/> begins (a hint: no effect without SSE).</summary>
        public unsafe void Prefetch(long key)
        {
            if (!Sse.IsSupported) return;
            fixed (Slot* slots = _slots) Sse.Prefetch0(slots + SlotOf(key));
        }

        private int SlotOf(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

        private readonly record struct Slot(long Key, Node Value);
    }
}

/// <summary>One paper as <see cref="ScoringLexicon.Read"/> saw it; per-thread buffers reused from paper to paper.</summary>
internal sealed class PaperTerms
{
    private char[] _folded = new char[1024];
    private readonly TermList<int[]?>[] _keywordTokens = [new(), new()];
    private readonly TermList<int>[] _kept = [new(), new()];
    private readonly TermList<int> _ldaIds = new();
    private readonly TermList<int> _featureIds = new();
    private int[] _blockEnds = new int[2];

    /// <summary>The featurizer's term ids, block after block (<see cref="BlockEnds"/>); the featurizer sorts them in place.</summary>
    public Span<int> FeatureIds => _featureIds.Items;
    public ReadOnlySpan<int> BlockEnds => _blockEnds;
    public ReadOnlySpan<int[]?> TitleKeywordTokens => _keywordTokens[0].Items;
    public ReadOnlySpan<int[]?> AbstractKeywordTokens => _keywordTokens[1].Items;
    /// <summary>The fold-in's word ids, title then abstract, in text order.</summary>
    public ReadOnlySpan<int> LdaIds => _ldaIds.Items;

    internal ReadOnlySpan<int> Kept(int field) => _kept[field].Items;

    internal void Clear()
    {
        foreach (var l in _keywordTokens) l.Clear();
        foreach (var l in _kept) l.Clear();
        _ldaIds.Clear();
        _featureIds.Clear();
    }

    internal Span<char> Folded(int length)
    {
        if (_folded.Length < length) _folded = new char[Math.Max(length, _folded.Length * 2)];
        return _folded;
    }

    internal void AddKeywordToken(int field, int[]? ids) => _keywordTokens[field].Add(ids);
    internal void AddKept(int field, int entry) => _kept[field].Add(entry);
    internal void AddLdaId(int id) => _ldaIds.Add(id);
    internal void AddFeatureId(int id) => _featureIds.Add(id);

    internal void EndBlock(int block, int blocks)
    {
        if (_blockEnds.Length != blocks) _blockEnds = new int[blocks];
        _blockEnds[block] = _featureIds.Items.Length;
    }

    private sealed class TermList<T>
    {
        private T[] _items = new T[256];
        private int _count;

        public Span<T> Items => _items.AsSpan(0, _count);

        public void Clear() => _count = 0;

        public void Add(T item)
        {
            if (_count == _items.Length) Array.Resize(ref _items, _count * 2);
            _items[_count++] = item;
        }
    }
}
