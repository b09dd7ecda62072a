using TopicModel.DataPrep.Papers;
using TopicModel.Embeddings;
using TopicModel.ML;
using TopicModel.ML.Lda;
using TopicModel.ML.Sparse;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;
using TopicModel.Training.Scoring;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// The fitted pipeline a bundle holds: title and abstract -> text features (+ the taxonomy rules'
/// features, scaled by <see cref="RuleWeight"/>, when it is above 0; + the paper's LDA topic mixture, scaled by
/// <see cref="TopicFeatureWeight"/>, when it is above 0; + the paper's sentence vector from <see cref="Encoder"/>, scaled by
/// <see cref="EmbeddingWeight"/>, when there is an encoder) -> multiclass model, optionally blended with the
/// rules' own vote: p = (1 − <see cref="LabelModelBlend"/>) · p_model + <see cref="LabelModelBlend"/> · p_rules.
/// Immutable and thread-safe (every part is).
/// </summary>
public sealed class TextClassifier : IPaperClassifier
{
    public TextClassifier(
        FittedTextFeaturizer featurizer, IMulticlassModel model, RuleFeatures? rules = null, float ruleWeight = 1f, float labelModelBlend = 0f,
        LdaModel? lda = null, float topicFeatureWeight = 0f, SentenceEncoder? encoder = null, float embeddingWeight = 0f)
    {
        if (!float.IsFinite(embeddingWeight) || embeddingWeight < 0)
            throw new TopicModelException($"embedding weight must be a number >= 0, got {embeddingWeight}");
        if (embeddingWeight > 0 && encoder is null)
            throw new TopicModelException("embedding features need a sentence encoder");
        if (!float.IsFinite(topicFeatureWeight) || topicFeatureWeight < 0)
            throw new TopicModelException($"topic feature weight must be a number >= 0, got {topicFeatureWeight}");
        if (topicFeatureWeight > 0 && lda is null)
            throw new TopicModelException("topic features need the LDA topic model");
        var expected = featurizer.Dimension + (rules is not null && ruleWeight > 0 ? rules.Dimension : 0)
            + (topicFeatureWeight > 0 ? lda!.NumberOfTopics : 0) + (encoder?.Dimension ?? 0);
        if (expected != model.FeatureCount)
            throw new TopicModelException($"featurizer and rules give {expected} features but the model expects {model.FeatureCount}");
        if (!float.IsFinite(ruleWeight) || ruleWeight < 0)
            throw new TopicModelException($"rule feature weight must be a number >= 0, got {ruleWeight}");
        if (!(labelModelBlend >= 0 && labelModelBlend <= 1))
            throw new TopicModelException($"label-model blend must be in [0, 1], got {labelModelBlend}");
        if (labelModelBlend > 0 && rules is null)
            throw new TopicModelException("blending with the label model needs the rules");
        if (rules is not null && !rules.Functions.Taxonomy.Ids.SequenceEqual(model.ClassNames))
            throw new TopicModelException("the rules' taxonomy topics are not the model's classes");
        Featurizer = featurizer;
        Model = model;
        Rules = rules;
        RuleWeight = ruleWeight;
        LabelModelBlend = labelModelBlend;
        Lda = topicFeatureWeight > 0 ? lda : null;
        TopicFeatureWeight = topicFeatureWeight;
        Encoder = encoder;
        EmbeddingWeight = encoder is null ? 0f : embeddingWeight;
        _lexicon = new Lazy<ScoringLexicon?>(() => Encoder is null ? ScoringLexicon.TryCreate(Featurizer, Rules, Lda) : null);
    }

    // Built on the first prediction: one tokenization of a paper for the featurizer, the rules and the fold-in.
    private readonly Lazy<ScoringLexicon?> _lexicon;

    /// <summary>The one-pass tokenization prediction uses, or null when the components analyze text differently (or there is an encoder).</summary>
    internal ScoringLexicon? Lexicon => _lexicon.Value;

    /// <summary>
    /// Starts building what the first prediction would (the scoring lexicon, a fifth of a one-record `score`) on a pool
    /// thread, so that a caller with other work before it (opening files, reading the first records) overlaps the two.
    /// </summary>
    public void StartWarmingUp() => _ = Task.Run(() => _lexicon.Value);

    public FittedTextFeaturizer Featurizer { get; }
    public IMulticlassModel Model { get; }
    /// <summary>The taxonomy's rules, used as features when <see cref="RuleWeight"/> &gt; 0 and for the blend.</summary>
    public RuleFeatures? Rules { get; }
    /// <summary>Scale of the rule features; 0 means they are not features (the rules may still be blended).</summary>
    public float RuleWeight { get; }
    public float LabelModelBlend { get; }
    /// <summary>The topic model whose fold-in mixture is a feature block when <see cref="TopicFeatureWeight"/> &gt; 0, else null.</summary>
    public LdaModel? Lda { get; }
    /// <summary>Scale of the topic-mixture features; 0 means there are none.</summary>
    public float TopicFeatureWeight { get; }
    /// <summary>The sentence encoder whose vector of the paper is the last feature block, or null.</summary>
    public SentenceEncoder? Encoder { get; }
    /// <summary>Scale of the sentence-vector features (0 without an encoder).</summary>
    public float EmbeddingWeight { get; }
    public IReadOnlyList<string> Topics => Model.ClassNames;

    public static string[] Fields(Paper paper) => [paper.Title, paper.Abstract];

    public SparseVector Featurize(Paper paper) => Featurize(paper, null);

    private SparseVector Featurize(Paper paper, float[]? topicMixture)
    {
        return WithDenseBlocks(Combine(Featurizer.Transform(Fields(paper)), paper, Rules, RuleWeight), paper, topicMixture);
    }

    /// <summary>The text (+ rule) features followed by the topic mixture and the sentence vector, when the model has them.</summary>
    private SparseVector WithDenseBlocks(SparseVector features, Paper paper, float[]? topicMixture)
    {
        if (Lda is not null) features = Append(features, topicMixture ?? TopicMixture(Lda, paper), TopicFeatureWeight);
        return Encoder is null ? features : Append(features, Encoder.Embed(EmbeddingText(paper)), EmbeddingWeight);
    }

    /// <summary>What a sentence encoder reads of a paper: the same title and abstract text the topic model reads.</summary>
    public static string EmbeddingText(Paper paper) => LdaStep.Text(paper);

    /// <summary>
    /// <see cref="Featurize(Paper, float[])"/> with the rule block already written (<paramref name="fired"/>: by
    /// <see cref="RuleFeatures.Write"/>), so that prediction matches the paper's keywords once for both the features
    /// and the blend.
    /// </summary>
    private SparseVector Featurize(Paper paper, float[]? topicMixture, ReadOnlySpan<float> ruleBlock, bool fired)
    {
        var text = Featurizer.Transform(Fields(paper));
        var features = RuleWeight == 0 ? text
            : fired ? Append(text, ruleBlock, RuleWeight)
            : new SparseVector(text.Dimension + ruleBlock.Length, text.Indices, text.Values);
        return WithDenseBlocks(features, paper, topicMixture);
    }

    /// <summary>The paper's topic mixture by fold-in (deterministic per paper), as features and in scoring output.</summary>
    /// <remarks>The same as <c>lda.InferText(LdaStep.Text(paper))</c>, without joining the fields into one string.</remarks>
    public static float[] TopicMixture(LdaModel lda, Paper paper) => lda.InferText([paper.Title, paper.Abstract]);

    /// <summary>Text features followed by the rule block (dimension <see cref="RuleFeatures.Dimension"/>), non-zeros only.</summary>
    public static SparseVector Combine(SparseVector text, Paper paper, RuleFeatures? rules, float ruleWeight)
    {
        if (rules is null || ruleWeight == 0) return text;
        Span<float> block = stackalloc float[rules.Dimension];
        if (!rules.Write(paper, block)) return new SparseVector(text.Dimension + rules.Dimension, text.Indices, text.Values);
        return Append(text, block, ruleWeight);
    }

    /// <summary>A vector of dimension text + block: the text's entries, then the block's non-zeros times <paramref name="scale"/>.</summary>
    public static SparseVector Append(SparseVector text, ReadOnlySpan<float> block, float scale)
    {
        var extra = 0;
        foreach (var v in block) if (v != 0) extra++;
        var indices = new int[text.Count + extra];
        var values = new float[text.Count + extra];
        text.Indices.CopyTo(indices, 0);
        text.Values.CopyTo(values, 0);
        var k = text.Count;
        for (var j = 0; j < block.Length; j++)
        {
            if (block[j] == 0) continue;
            indices[k] = text.Dimension + j;
            values[k++] = block[j] * scale;
        }
        return new SparseVector(text.Dimension + block.Length, indices, values);
    }

    public void Predict(Paper paper, Span<float> probabilities)
    {
        if (_lexicon.Value is { } lexicon) PredictOnePass(lexicon, paper, probabilities);
        else Predict(paper, probabilities, null);
    }

    /// <summary>
    /// <see cref="Predict(Paper, Span{float})"/> that also returns the paper's <see cref="TopicMixture"/> under <see cref="Lda"/>
    /// (null without topic features), so that scoring, which writes the mixture out, folds in once.
    /// </summary>
    public float[]? PredictWithTopicMixture(Paper paper, Span<float> probabilities)
    {
        if (_lexicon.Value is { } lexicon) return PredictOnePass(lexicon, paper, probabilities);
        var mixture = Lda is null ? null : TopicMixture(Lda, paper);
        Predict(paper, probabilities, mixture);
        return mixture;
    }

    /// <summary>The prediction from one tokenization of the paper (<see cref="ScoringLexicon"/>): the same numbers as the components' own paths.</summary>
    private float[]? PredictOnePass(ScoringLexicon lexicon, Paper paper, Span<float> probabilities)
    {
        var terms = lexicon.Read(paper);
        var mixture = Lda?.InferIds(terms.LdaIds);
        Span<float> block = stackalloc float[Rules?.Dimension ?? 0];
        var fired = false;
        if (Rules is not null)
        {
            Span<int> hits = stackalloc int[Rules.Functions.Functions.Count];
            Rules.Functions.CountHits(terms.TitleKeywordTokens, terms.AbstractKeywordTokens, hits);
            fired = Rules.Write(hits, block);
        }
        // One vector with every block: text, then the rules' (when weighted; entries only when a rule fired), then the
        // topic mixture, as Append would stack them, without a vector per block.
        var buffer = t_features ??= new FeatureBuffer();
        buffer.EnsureRoom(terms.FeatureIds.Length + block.Length + (mixture?.Length ?? 0));
        Span<int> indices = buffer.Indices;
        Span<float> values = buffer.Values;
        var count = Featurizer.WriteFromTermIds(terms.FeatureIds, terms.BlockEnds, indices, values);
        var dimension = Featurizer.Dimension;
        if (Rules is not null && RuleWeight != 0)
        {
            if (fired) count = AppendTo(indices, values, count, dimension, block, RuleWeight);
            dimension += block.Length;
        }
        if (mixture is not null)
        {
            count = AppendTo(indices, values, count, dimension, mixture, TopicFeatureWeight);
            dimension += mixture.Length;
        }
        Model.PredictProbabilities(new SparseVector(dimension, indices[..count].ToArray(), values[..count].ToArray()), probabilities);
        if (Rules is not null) Blend(probabilities, block, fired);
        return mixture;
    }

    /// <summary>A block's non-zero entries, scaled, after the <paramref name="count"/> features there (<see cref="Append"/>'s values).</summary>
    private static int AppendTo(Span<int> indices, Span<float> values, int count, int offset, ReadOnlySpan<float> block, float scale)
    {
        for (var j = 0; j < block.Length; j++)
        {
            if (block[j] == 0) continue;
            indices[count] = offset + j;
            values[count++] = block[j] * scale;
        }
        return count;
    }

    [ThreadStatic] private static FeatureBuffer? t_features;

    /// <summary>A scoring thread's room for one paper's features before they become a vector.</summary>
    private sealed class FeatureBuffer
    {
        public int[] Indices { get; private set; } = new int[1024];
        public float[] Values { get; private set; } = new float[1024];

        public void EnsureRoom(int size)
        {
            if (Indices.Length >= size) return;
            Indices = new int[Math.Max(size, 2 * Indices.Length)];
            Values = new float[Indices.Length];
        }
    }

    /// <param name="topicMixture">
    /// The paper's <see cref="TopicMixture"/> under <see cref="Lda"/> when the caller has it already (scoring writes it
    /// out), so that fold-in does not run twice; null infers it when the features need it.
    /// </param>
    public void Predict(Paper paper, Span<float> probabilities, float[]? topicMixture)
    {
        if (Rules is null)
        {
            Model.PredictProbabilities(Featurize(paper, topicMixture), probabilities);
            return;
        }
        Span<float> block = stackalloc float[Rules.Dimension];
        var fired = Rules.Write(paper, block);
        Model.PredictProbabilities(Featurize(paper, topicMixture, block, fired), probabilities);
        Blend(probabilities, block, fired);
    }

    /// <summary>Blends the model's probabilities with the rules' vote (<see cref="RuleFeatures.VoteDistribution"/>): their vote shares, uniform when none fired.</summary>
    private void Blend(Span<float> probabilities, ReadOnlySpan<float> ruleBlock, bool fired)
    {
        if (LabelModelBlend == 0) return;
        var votes = ruleBlock[Rules!.Functions.Functions.Count..];
        for (var c = 0; c < probabilities.Length; c++)
            probabilities[c] = (1 - LabelModelBlend) * probabilities[c] + LabelModelBlend * (fired ? votes[c] : 1f / Rules.TopicCount);
    }

    public string FeatureName(int index)
    {
        if (index < Featurizer.Dimension) return Featurizer.FeatureName(index);
        index -= Featurizer.Dimension;
        var rules = Rules is not null && RuleWeight > 0 ? Rules.Dimension : 0;
        if (index < rules) return Rules!.FeatureName(index);
        index -= rules;
        if (index >= (Lda?.NumberOfTopics ?? 0)) return $"embedding:{Encoder!.Name}:{index - (Lda?.NumberOfTopics ?? 0)}";
        var seeded = Lda!.SeedTopics.FirstOrDefault(s => s.TopicId == index);
        return seeded is null ? $"lda-topic:{index}" : $"lda-topic:{index}:{seeded.Label}";
    }

    /// <summary>The terms (and rules) that pushed the paper toward a topic the most, strongest first.</summary>
    public IReadOnlyList<(string Term, float Contribution)> Explain(Paper paper, string topic, int top = 5)
    {
        var index = Topics.ToList().IndexOf(topic);
        if (index < 0) throw new TopicModelException($"unknown topic '{topic}'");
        return Model.Explain(Featurize(paper), index, top).Select(c => (FeatureName(c.Feature), c.Contribution)).ToArray();
    }
}
