namespace TopicModel.ML.Text;

/// <summary>
/// The text featurizer estimator (ML.NET's FeaturizeText): normalize, tokenize, drop stop words,
/// form word (and optionally char) n-grams, map them to features through a dictionary or hashing,
/// weight by tf / idf / tf-idf and L2-normalize. Each document is a fixed number of text fields
/// (e.g. {title, abstract}); each field gets its own block of the vector unless
/// <see cref="TextFeaturizerOptions.SeparateFields"/> is false. A null field counts as empty.
/// </summary>
public sealed class TextFeaturizer(TextFeaturizerOptions? options = null)
{
    public TextFeaturizerOptions Options { get; } = options ?? new TextFeaturizerOptions();

    /// <summary>Learns the vocabulary (or hash bucket statistics) and document frequencies.</summary>
    public FittedTextFeaturizer Fit(IReadOnlyList<string[]> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var options = Options;
        options.Validate();
        if (documents.Count == 0) throw new TopicModelException("text featurizer: no documents to fit on");
        var fieldCount = FieldCountOf(documents);
        options.ValidateFieldCount(fieldCount);

        var layout = FittedTextFeaturizer.Layout(options, fieldCount);
        var analyzer = new TokenAnalyzer(options.Normalization);
        var tokens = new TokenBuffer();
        var charScratch = new char[64];
        var hashing = options.TermSpace == TermSpace.Hashing;
        var counters = new BlockCounter[layout.Length];
        for (var b = 0; b < layout.Length; b++)
            counters[b] = new BlockCounter(hashing ? new TermHasher(options.HashBits, options.Seed) : null);

        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            for (var b = 0; b < layout.Length; b++)
            {
                var sink = counters[b].StartDocument(d);
                foreach (var f in layout[b])
                {
                    analyzer.Analyze(document[f], tokens);
                    TermEnumerator.Enumerate(tokens, options, ref charScratch, ref sink);
                }
            }
        }

        var blocks = new FieldBlock[layout.Length];
        var offset = 0;
        for (var b = 0; b < layout.Length; b++)
        {
            var index = counters[b].Build(options);
            blocks[b] = FittedTextFeaturizer.CreateBlock(options, layout, b, offset, index, documents.Count);
            offset = checked(offset + index.Size);
        }
        return new FittedTextFeaturizer(options, fieldCount, documents.Count, blocks);
    }

    private static int FieldCountOf(IReadOnlyList<string[]> documents)
    {
        var fieldCount = -1;
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d] ?? throw new TopicModelException($"text featurizer: document {d} is null");
            if (fieldCount < 0) fieldCount = document.Length;
            else if (document.Length != fieldCount)
                throw new TopicModelException($"text featurizer: document {d} has {document.Length} fields, document 0 has {fieldCount}");
        }
        if (fieldCount == 0) throw new TopicModelException("text featurizer: documents have no fields");
        return fieldCount;
    }

    /// <summary>Fit-time counts of one block: terms for the dictionary and for naming hash buckets, bucket document frequencies.</summary>
    private sealed class BlockCounter(TermHasher? hasher)
    {
        private readonly VocabularyBuilder _words = new();
        private readonly VocabularyBuilder _chars = new();
        private readonly int[] _bucketFrequencies = hasher is { } h ? new int[h.Size] : [];
        private readonly int[] _bucketLastDocument = hasher is { } h ? Enumerable.Repeat(-1, h.Size).ToArray() : [];

        public CountingSink StartDocument(int document)
        {
            _words.NextDocument();
            _chars.NextDocument();
            return new CountingSink(_words, _chars, hasher, _bucketFrequencies, _bucketLastDocument, document);
        }

        public FieldTermIndex Build(TextFeaturizerOptions options)
        {
            if (hasher is not { } termHasher)
            {
                return new DictionaryTermIndex(
                    _words.Build(options.MinDocumentCount, options.MaxVocabularySize),
                    _chars.Build(options.MinDocumentCount, options.MaxVocabularySize));
            }
            var names = new string?[termHasher.Size];
            var best = new long[termHasher.Size];
            NameBuckets(termHasher, _words, isCharNgram: false, names, best);
            NameBuckets(termHasher, _chars, isCharNgram: true, names, best);
            return new HashingTermIndex(termHasher, _bucketFrequencies, names);
        }

        private static void NameBuckets(TermHasher hasher, VocabularyBuilder terms, bool isCharNgram, string?[] names, long[] best)
        {
            foreach (var (term, occurrences) in terms.Occurrences())
            {
                var bucket = hasher.Bucket(term, isCharNgram);
                var name = isCharNgram ? FieldTermIndex.CharNgramName(term) : term;
                // Ties go to the ordinally smaller name so the choice does not depend on dictionary order.
                if (occurrences > best[bucket] || (occurrences == best[bucket] && string.CompareOrdinal(name, names[bucket]) < 0))
                {
                    best[bucket] = occurrences;
                    names[bucket] = name;
                }
            }
        }
    }

    private struct CountingSink(
        VocabularyBuilder words, VocabularyBuilder chars, TermHasher? hasher,
        int[] bucketFrequencies, int[] bucketLastDocument, int document) : ITermSink
    {
        public readonly void Add(ReadOnlySpan<char> term, bool isCharNgram)
        {
            (isCharNgram ? chars : words).Add(term);
            if (hasher is not { } h) return;
            var bucket = h.Bucket(term, isCharNgram);
            if (bucketLastDocument[bucket] == document) return;
            bucketLastDocument[bucket] = document;
            bucketFrequencies[bucket]++;
        }
    }
}
