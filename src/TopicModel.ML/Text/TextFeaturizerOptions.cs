namespace TopicModel.ML.Text;

/// <summary>
/// Options of <see cref="TextFeaturizer"/> (ML.NET's FeaturizeText). The defaults are a strong
/// baseline for short scientific texts: folded words without stop words or numbers, word 1–2-grams,
/// a dictionary of terms seen in at least two documents, sublinear tf-idf, each field L2-normalized
/// and the whole vector L2-normalized.
/// </summary>
public sealed record TextFeaturizerOptions
{
    public TextNormalizationOptions Normalization { get; init; } = new();

    public int MinWordNgramLength { get; init; } = 1;
    public int MaxWordNgramLength { get; init; } = 2;

    /// <summary>
    /// Adds character n-grams of each word, fastText style: the word framed by '&lt;' and '&gt;' so
    /// prefixes and suffixes are distinct ("&lt;tra", "ers&gt;"). Per word rather than over the whole
    /// text because n-grams across word boundaries repeat what word bigrams already say and multiply
    /// the feature count; per word they add what words lack: morphology and robustness to spelling.
    /// Numbers and punctuation tokens get none.
    /// </summary>
    public bool CharNgrams { get; init; }
    public int MinCharNgramLength { get; init; } = 3;
    public int MaxCharNgramLength { get; init; } = 5;

    public TermSpace TermSpace { get; init; } = TermSpace.Dictionary;

    /// <summary>Hashing: each field gets 2^HashBits buckets.</summary>
    public int HashBits { get; init; } = 18;

    /// <summary>Hashing: the hash seed; another seed gives other collisions.</summary>
    public uint Seed { get; init; } = 314159;

    /// <summary>Dictionary: a term must occur in at least this many training documents to get a feature.</summary>
    public int MinDocumentCount { get; init; } = 2;

    /// <summary>Dictionary: at most this many word n-grams (and as many char n-grams) per field, the most frequent first.</summary>
    public int MaxVocabularySize { get; init; } = 100_000;

    public TermWeighting Weighting { get; init; } = TermWeighting.TfIdf;

    /// <summary>Use 1 + ln(tf) instead of tf, so a term repeated ten times does not weigh ten times as much.</summary>
    public bool SublinearTf { get; init; } = true;

    /// <summary>Scale each field's block to unit L2 norm before its weight is applied.</summary>
    public bool NormalizeFields { get; init; } = true;

    /// <summary>Scale the whole vector to unit L2 norm.</summary>
    public bool NormalizeTotal { get; init; } = true;

    /// <summary>
    /// Featurize each field (e.g. title, abstract) in its own block of the vector, so "graph" in a
    /// title and in an abstract are different features with their own idf; false pools all fields into one block.
    /// </summary>
    public bool SeparateFields { get; init; } = true;

    /// <summary>
    /// Per-field weights multiplying each block (e.g. [1.5, 1] to weigh the title more); null means 1
    /// for every field. Needs <see cref="SeparateFields"/>.
    /// </summary>
    public IReadOnlyList<float>? FieldWeights { get; init; }

    /// <summary>Per-field names used in <see cref="FittedTextFeaturizer.FeatureName"/> (e.g. ["title", "abstract"]); null means f0, f1, ...</summary>
    public IReadOnlyList<string>? FieldNames { get; init; }

    internal const int MaxHashBits = 26;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Normalization);
        Normalization.Validate();
        if (MinWordNgramLength < 1 || MaxWordNgramLength < MinWordNgramLength)
            throw Error($"word n-gram lengths must satisfy 1 <= min <= max, got {MinWordNgramLength}..{MaxWordNgramLength}");
        if (CharNgrams && (MinCharNgramLength < 1 || MaxCharNgramLength < MinCharNgramLength))
            throw Error($"char n-gram lengths must satisfy 1 <= min <= max, got {MinCharNgramLength}..{MaxCharNgramLength}");
        if (!Enum.IsDefined(TermSpace)) throw Error($"unknown term space {(int)TermSpace}");
        if (!Enum.IsDefined(Weighting)) throw Error($"unknown weighting {(int)Weighting}");
        if (HashBits is < 1 or > MaxHashBits) throw Error($"hash bits must be in 1..{MaxHashBits}, got {HashBits}");
        if (MinDocumentCount < 1) throw Error($"minimum document count must be at least 1, got {MinDocumentCount}");
        if (MaxVocabularySize < 1) throw Error($"maximum vocabulary size must be at least 1, got {MaxVocabularySize}");
        if (FieldWeights is not null)
        {
            if (!SeparateFields) throw Error("field weights need separate fields (SeparateFields = true)");
            for (var i = 0; i < FieldWeights.Count; i++)
            {
                if (!float.IsFinite(FieldWeights[i]) || FieldWeights[i] <= 0)
                    throw Error($"field weight {i} must be a positive number, got {FieldWeights[i]}");
            }
        }
        if (FieldNames is not null)
        {
            if (!SeparateFields) throw Error("field names need separate fields (SeparateFields = true)");
            if (FieldNames.Any(string.IsNullOrWhiteSpace)) throw Error("field names must not be empty");
            if (FieldNames.Distinct(StringComparer.Ordinal).Count() != FieldNames.Count) throw Error("field names must be distinct");
        }
    }

    /// <summary>Checks the options that depend on the number of fields the data has.</summary>
    internal void ValidateFieldCount(int fieldCount)
    {
        if (FieldWeights is not null && FieldWeights.Count != fieldCount)
            throw Error($"{FieldWeights.Count} field weights given for {fieldCount} fields");
        if (FieldNames is not null && FieldNames.Count != fieldCount)
            throw Error($"{FieldNames.Count} field names given for {fieldCount} fields");
    }

    private static TopicModelException Error(string problem) => new($"text featurizer options: {problem}");
}
