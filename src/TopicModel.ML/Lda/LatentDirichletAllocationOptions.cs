using TopicModel.ML.Text;

namespace TopicModel.ML.Lda;

/// <summary>
/// Options of <see cref="LatentDirichletAllocation"/>, named as ML.NET's <c>LatentDirichletAllocation</c>
/// where the idea is the same. ML.NET's <c>SamplingStepCount</c> (Metropolis–Hastings steps per token) has no
/// counterpart: the SparseLDA sampler draws each token's topic exactly.
/// </summary>
public sealed record LatentDirichletAllocationOptions
{
    public int NumberOfTopics { get; init; } = 14;

    /// <summary>Sum of the document-topic Dirichlet prior; each topic starts at AlphaSum / NumberOfTopics.</summary>
    public double AlphaSum { get; init; } = 5.0;

    /// <summary>Symmetric topic-word Dirichlet prior.</summary>
    public double Beta { get; init; } = 0.01;

    /// <summary>Gibbs sweeps over the corpus.</summary>
    public int MaximumNumberOfIterations { get; init; } = 200;

    /// <summary>Record the log-likelihood every this many iterations (and after the last); 0 records only the last.</summary>
    public int LikelihoodInterval { get; init; } = 5;

    public int NumberOfSummaryTermsPerTopic { get; init; } = 10;

    /// <summary>Sweeps before the document-topic prior is first optimized (topics are still forming before that).</summary>
    public int NumberOfBurninIterations { get; init; } = 10;

    /// <summary>
    /// Every this many sweeps after burn-in, re-estimate the asymmetric document-topic prior by Minka's fixed
    /// point (MALLET's <c>--optimize-interval</c>); 0 keeps it fixed at AlphaSum / NumberOfTopics.
    /// </summary>
    public int OptimizeAlphaInterval { get; init; } = 10;

    public int Seed { get; init; } = 42;

    /// <summary>Worker threads, 0 for every core. The model is reproducible for a given seed and thread count.</summary>
    public int NumberOfThreads { get; init; }

    /// <summary>Keep terms that occur in at least this many documents.</summary>
    public int MinimumDocumentCount { get; init; } = 2;

    /// <summary>Drop terms that occur in more than this share of documents (gensim's <c>no_above</c>).</summary>
    public double MaximumDocumentFrequency { get; init; } = 0.5;

    public int MaximumVocabularySize { get; init; } = 100_000;

    /// <summary>Tokenization, case folding and (English) stop-word removal, shared with the text featurizer.</summary>
    public TextNormalizationOptions Normalization { get; init; } = new() { Numbers = NumberHandling.Remove };

    /// <summary>Corpus-specific stop words dropped on top of <see cref="StopWords.English"/> (folded: lower case).</summary>
    public IReadOnlyList<string> AdditionalStopWords { get; init; } = [];

    /// <summary>Tokens shorter than this are dropped (single letters and symbols carry no topic).</summary>
    public int MinimumTokenLength { get; init; } = 2;

    /// <summary>Guided topics: seed words that pull topic <see cref="SeedTopic.TopicId"/> towards a known label.</summary>
    public IReadOnlyList<SeedTopic> SeedTopics { get; init; } = [];

    /// <summary>
    /// Prior mass of a seeded topic's seed words, as a share of a topic's expected token count
    /// (tokens / NumberOfTopics), spread evenly over its seed words as extra topic-word pseudo-counts.
    /// </summary>
    public double SeedWordPriorShare { get; init; } = 0.1;

    /// <summary>
    /// Word promotion (Mimno et al. 2011's generalized Pólya urn): when a token joins a topic, each of its word's
    /// <see cref="WordPromotionNeighbors"/> most related words (highest NPMI over the documents) gains this many
    /// pseudo-counts in that topic, which favours topics whose words share documents. 0 fits plain LDA.
    /// </summary>
    public double WordPromotionWeight { get; init; }

    /// <summary>Related words per word under <see cref="WordPromotionWeight"/>.</summary>
    public int WordPromotionNeighbors { get; init; } = 10;

    /// <summary>
    /// Gibbs sweeps when folding in a new document (the first quarter is burn-in, the rest give the expected topic counts).
    /// 20 is closer to a long run than the 40 sweeps of the earlier estimator and costs about two thirds of their time.
    /// </summary>
    public int InferenceIterations { get; init; } = 20;

    /// <summary>
    /// How a new document is folded in: <see cref="LdaInference.Cvb0"/> (deterministic fixed point, the default since
    /// issue 21: a tenth of Gibbs' cost per paper at the same distance to a long Gibbs run) or
    /// <see cref="LdaInference.Gibbs"/> (<see cref="InferenceIterations"/> sweeps).
    /// Under Cvb0, <see cref="InferenceIterations"/> caps the iterations; it stops earlier at the fixed point.
    /// </summary>
    public LdaInference Inference { get; init; } = LdaInference.Cvb0;

    /// <summary>
    /// Under <see cref="LdaInference.Cvb0"/>, fold-in stops once no expected topic count moves by more than this many
    /// tokens in a sweep. 0.1 puts a paper's mixture within a mean L1 of ~0.013 of the fixed point in ~5 sweeps; 0.01
    /// (the value before format version 3) reaches ~0.002 in ~10 (docs/benchmarks.md, issue 21, fourth round).
    /// </summary>
    public double InferenceTolerance { get; init; } = 0.1;

    internal void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok) throw new TopicModelException($"LatentDirichletAllocation: {message}");
        }
        Require(NumberOfTopics >= 1, $"NumberOfTopics must be at least 1, got {NumberOfTopics}");
        Require(NumberOfTopics <= 10_000, $"NumberOfTopics must be at most 10000, got {NumberOfTopics}");
        Require(AlphaSum > 0 && double.IsFinite(AlphaSum), $"AlphaSum must be positive, got {AlphaSum}");
        Require(Beta > 0 && double.IsFinite(Beta), $"Beta must be positive, got {Beta}");
        Require(MaximumNumberOfIterations >= 1, $"MaximumNumberOfIterations must be at least 1, got {MaximumNumberOfIterations}");
        Require(LikelihoodInterval >= 0, $"LikelihoodInterval must not be negative, got {LikelihoodInterval}");
        Require(NumberOfSummaryTermsPerTopic >= 1, $"NumberOfSummaryTermsPerTopic must be at least 1, got {NumberOfSummaryTermsPerTopic}");
        Require(NumberOfBurninIterations >= 0, $"NumberOfBurninIterations must not be negative, got {NumberOfBurninIterations}");
        Require(OptimizeAlphaInterval >= 0, $"OptimizeAlphaInterval must not be negative, got {OptimizeAlphaInterval}");
        Require(NumberOfThreads >= 0, $"NumberOfThreads must not be negative, got {NumberOfThreads}");
        Require(MinimumDocumentCount >= 1, $"MinimumDocumentCount must be at least 1, got {MinimumDocumentCount}");
        Require(MaximumDocumentFrequency > 0 && MaximumDocumentFrequency <= 1, $"MaximumDocumentFrequency must be in (0, 1], got {MaximumDocumentFrequency}");
        Require(MaximumVocabularySize >= 1, $"MaximumVocabularySize must be at least 1, got {MaximumVocabularySize}");
        Require(MinimumTokenLength >= 1, $"MinimumTokenLength must be at least 1, got {MinimumTokenLength}");
        Require(SeedWordPriorShare >= 0 && double.IsFinite(SeedWordPriorShare), $"SeedWordPriorShare must not be negative, got {SeedWordPriorShare}");
        Require(WordPromotionWeight >= 0 && WordPromotionWeight <= 100, $"WordPromotionWeight must be in [0, 100], got {WordPromotionWeight}");
        Require(WordPromotionNeighbors >= 0, $"WordPromotionNeighbors must not be negative, got {WordPromotionNeighbors}");
        Require(InferenceIterations >= 1, $"InferenceIterations must be at least 1, got {InferenceIterations}");
        Require(InferenceTolerance > 0 && double.IsFinite(InferenceTolerance), $"InferenceTolerance must be positive, got {InferenceTolerance}");
        Require(Enum.IsDefined(Inference), $"Inference {(int)Inference} is not a known fold-in method");
        var seen = new HashSet<int>();
        foreach (var s in SeedTopics)
        {
            Require(s.TopicId >= 0 && s.TopicId < NumberOfTopics, $"seed topic '{s.Label}' has id {s.TopicId}, outside 0..{NumberOfTopics - 1}");
            Require(seen.Add(s.TopicId), $"topic {s.TopicId} is seeded twice");
        }
    }
}
