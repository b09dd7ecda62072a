using System.Collections.Concurrent;
using System.Text.Json;
using TopicModel.ML;
using TopicModel.ML.Data;
using TopicModel.ML.Lda;
using TopicModel.ML.Sparse;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;
using TopicModel.Training.Trainers;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// Fits <see cref="PipelineOptions"/> on a <see cref="TrainingCorpus"/>, many times over (folds ×
/// trials), without paying twice for what does not change: the rules' features of every document are
/// computed once, and a fitted featurizer with every document's text features is kept per featurizer
/// setting and training subset. The featurizer is fitted on the subset's labeled papers plus the pool
/// and the taxonomy text (no labels involved), never on the papers a fold holds out.
/// Thread-safe: folds may be fitted in parallel.
/// </summary>
public sealed class PipelineWorkspace
{
    private readonly ConcurrentDictionary<string, Lazy<(FittedTextFeaturizer Featurizer, SparseVector[] Rows)>> _text = new(StringComparer.Ordinal);
    private readonly float[][] _ruleBlocks;
    private readonly float[][] _votes;
    private readonly Lazy<float[][]> _topicMixtures;

    /// <param name="lda">
    /// The topic model for <see cref="PipelineOptions.TopicFeatureWeight"/>, or null when there is none. It is fitted
    /// without labels on the labeled and pool papers' text, so held-out folds' texts (never their labels) shaped its
    /// topics; every paper's mixture is taken by fold-in, as for a new paper.
    /// </param>
    /// <param name="embeddings">Every document's sentence vector per encoder a search may choose (<see cref="EmbeddingStep"/>).</param>
    public PipelineWorkspace(TrainingCorpus corpus, RuleFeatures rules, int seed, LdaModel? lda = null, IReadOnlyList<DocumentEmbeddings>? embeddings = null)
    {
        Embeddings = embeddings ?? [];
        Corpus = corpus;
        Rules = rules;
        Seed = seed;
        Lda = lda;
        var documents = corpus.Documents;
        _ruleBlocks = new float[documents.Count][];
        _votes = new float[documents.Count][];
        Parallel.For(0, documents.Count, i =>
        {
            _ruleBlocks[i] = new float[rules.Dimension];
            rules.Write(documents[i].Paper, _ruleBlocks[i]);
            _votes[i] = new float[rules.TopicCount];
            rules.VoteDistribution(documents[i].Paper, _votes[i]);
        });
        _topicMixtures = new Lazy<float[][]>(() =>
        {
            var mixtures = new float[documents.Count][];
            Parallel.For(0, documents.Count, i => mixtures[i] = TextClassifier.TopicMixture(lda!, documents[i].Paper));
            return mixtures;
        });
    }

    public TrainingCorpus Corpus { get; }
    public RuleFeatures Rules { get; }
    public int Seed { get; }
    public LdaModel? Lda { get; }
    public IReadOnlyList<DocumentEmbeddings> Embeddings { get; }

    /// <summary>
    /// Fits the pipeline on the labeled papers at <paramref name="labeled"/> (indices into
    /// <see cref="TrainingCorpus.Labeled"/>), plus the pool and taxonomy as the options say.
    /// <paramref name="subsetKey"/> names the subset for caching ("fold 2", "all").
    /// With <paramref name="poolBefore"/>, only pool papers dated before that day (or undated) take part, in the
    /// featurizer's fit, as training examples and in self-training: a forward fold sees nothing later than its cut-off.
    /// With <paramref name="poolTargets"/> (distillation), pool papers learn a teacher's probabilities instead of the
    /// rules' weak labels: one example per topic the teacher gives at least its minimum, weighted by
    /// <see cref="PipelineOptions.PoolWeight"/> times that probability (the cross-entropy against the teacher's
    /// distribution, for the maximum-entropy trainers), and there is no self-training.
    /// </summary>
    public FittedPipeline Fit(PipelineOptions options, IReadOnlyList<int> labeled, string subsetKey, CancellationToken cancellation = default,
        DateOnly? poolBefore = null, PoolTargets? poolTargets = null)
    {
        // Known before any featurizing: a search that pairs the two loses one trial, not the minutes of its folds.
        if (options.Trainer == NaiveBayes.TrainerName && options.Encoder is not null)
            throw new TopicModelException($"{NaiveBayes.TrainerName}: reads features as counts, and the {options.Encoder} sentence vectors have negative values; pair it with encoder \"none\"");
        var pool = PoolPapers(poolBefore);
        var (featurizer, textRows) = TextFeatures(options.Featurizer, labeled, pool, subsetKey);
        cancellation.ThrowIfCancellationRequested();
        var useRuleFeatures = options.RuleWeight > 0;
        var rows = useRuleFeatures
            ? textRows.Select((r, i) => TextClassifier.Append(r, _ruleBlocks[i], options.RuleWeight)).ToArray()
            : textRows;
        if (options.TopicFeatureWeight > 0)
        {
            if (Lda is null) throw new TopicModelException("topicFeatureWeight is above 0 but the recipe fits no topic model (enable $.lda)");
            var mixtures = _topicMixtures.Value;
            rows = rows.Select((r, i) => TextClassifier.Append(r, mixtures[i], options.TopicFeatureWeight)).ToArray();
        }
        if (options.Encoder is { } encoder)
        {
            var embedded = Embeddings.FirstOrDefault(e => e.Encoder.Name == encoder)
                ?? throw new TopicModelException($"the pipeline uses the sentence encoder {encoder} but the corpus was not embedded with it");
            rows = rows.Select((r, i) => TextClassifier.Append(r, embedded.Vectors[i], options.EmbeddingWeight)).ToArray();
        }

        var (examples, labeledCount) = Examples(options, labeled, pool, poolTargets);

        var (trainer, _) = TrainerCatalog.Create(options.Trainer, options.TrainerOptions, Seed);
        var model = trainer.Fit(Dataset(rows, examples), cancellation);
        var fitted = new FittedPipeline(Classifier(featurizer, model, options), rows, _votes);

        if (options.SelfTrainingThreshold > 0 && Corpus.Pool.Count > 0 && poolTargets is null)
        {
            cancellation.ThrowIfCancellationRequested();
            // Confident pool papers replace their weak labels with the model's; the rest keep theirs.
            var confident = new HashSet<int>();
            var extra = new List<(int, int, float)>();
            var probabilities = new float[Corpus.Taxonomy.Topics.Count];
            foreach (var i in pool)
            {
                var document = Corpus.PoolStart + i;
                fitted.Predict(document, probabilities);
                var best = ArgMax(probabilities);
                if (probabilities[best] < options.SelfTrainingThreshold) continue;
                confident.Add(document);
                extra.Add((document, best, options.SelfTrainingWeight));
            }
            var second = examples.Take(labeledCount).Concat(examples.Skip(labeledCount).Where(e => !confident.Contains(e.Document))).Concat(extra).ToList();
            model = trainer.Fit(Dataset(rows, second), cancellation);
            fitted = new FittedPipeline(Classifier(featurizer, model, options), rows, _votes);
        }
        return fitted;
    }

    /// <summary>
    /// The weighted training examples of a fit, and how many of them (the first ones) are labeled papers: the labeled
    /// papers at <paramref name="labeled"/>, the <paramref name="pool"/> papers with the teacher's or the rules' labels,
    /// all reweighted together by <see cref="PipelineOptions.ClassBalance"/>, then the taxonomy's prior papers.
    /// </summary>
    internal (List<(int Document, int Topic, float Weight)> Examples, int LabeledCount) Examples(PipelineOptions options, IReadOnlyList<int> labeled,
        int[] pool, PoolTargets? poolTargets)
    {
        var examples = new List<(int Document, int Topic, float Weight)>();
        foreach (var i in labeled)
        {
            var p = Corpus.Labeled[i];
            var weight = p.Reviewed ? 1f : options.WeakLabelWeight;
            if (weight > 0) examples.Add((i, p.Topic, weight));
        }
        var labeledCount = examples.Count;
        if (options.PoolWeight > 0 && poolTargets is not null)
        {
            foreach (var i in pool)
            {
                var p = poolTargets.Probabilities[i];
                if (poolTargets.Hard)
                {
                    // A pseudo-label the teacher is unsure of teaches its noise; below the floor the paper is left out.
                    var top = ArgMax(p);
                    if (p[top] >= poolTargets.MinProbability) examples.Add((Corpus.PoolStart + i, top, options.PoolWeight));
                    continue;
                }
                for (var c = 0; c < p.Length; c++)
                    if (p[c] >= poolTargets.MinProbability && p[c] > 0) examples.Add((Corpus.PoolStart + i, c, options.PoolWeight * p[c]));
            }
        }
        else if (options.PoolWeight > 0)
        {
            foreach (var i in pool) examples.Add((Corpus.PoolStart + i, Corpus.Pool[i].Topic, options.PoolWeight));
        }
        // Balanced over labeled and pool examples together: a teacher's pseudo-labels follow the pool's skew (mostly
        // vision papers), and balancing only the labeled ones lets that skew swamp the rare topics again.
        if (options.ClassBalance > 0) examples = Balance(examples, options.ClassBalance);
        if (options.TaxonomyPriorWeight > 0)
        {
            for (var i = 0; i < Corpus.TaxonomyPapers.Count; i++)
                examples.Add((Corpus.TaxonomyStart + i, Corpus.TaxonomyPapers[i].Topic, options.TaxonomyPriorWeight));
        }
        return (examples, labeledCount);
    }

    /// <summary>Indices into <see cref="TrainingCorpus.Pool"/> of the pool papers dated before <paramref name="before"/> or undated; all without it.</summary>
    public int[] PoolPapers(DateOnly? before) =>
        Enumerable.Range(0, Corpus.Pool.Count)
            .Where(i => before is not { } cutoff || Corpus.Pool[i].Paper.Date is not { } d || d < cutoff)
            .ToArray();

    private TextClassifier Classifier(FittedTextFeaturizer featurizer, IMulticlassModel model, PipelineOptions options) =>
        new(featurizer, model, options.RuleWeight > 0 || options.LabelModelBlend > 0 ? Rules : null, options.RuleWeight, options.LabelModelBlend,
            Lda, options.TopicFeatureWeight, Embeddings.FirstOrDefault(e => e.Encoder.Name == options.Encoder)?.Encoder, options.EmbeddingWeight);

    private (FittedTextFeaturizer, SparseVector[]) TextFeatures(TextFeaturizerOptions options, IReadOnlyList<int> labeled, int[] pool, string subsetKey)
    {
        var key = JsonSerializer.Serialize(options, Json.Options) + "|" + subsetKey;
        return _text.GetOrAdd(key, _ => new Lazy<(FittedTextFeaturizer, SparseVector[])>(() =>
        {
            var fitOn = labeled.Select(i => Corpus.Labeled[i])
                .Concat(pool.Select(i => Corpus.Pool[i]))
                .Concat(Corpus.TaxonomyPapers)
                .Select(p => TextClassifier.Fields(p.Paper))
                .ToArray();
            var featurizer = new TextFeaturizer(options).Fit(fitOn);
            return (featurizer, featurizer.TransformAll(Corpus.Documents.Select(p => TextClassifier.Fields(p.Paper)).ToArray()));
        })).Value;
    }

    private List<(int Document, int Topic, float Weight)> Balance(List<(int Document, int Topic, float Weight)> examples, float strength)
    {
        var mass = new double[Corpus.Taxonomy.Topics.Count];
        foreach (var e in examples) mass[e.Topic] += e.Weight;
        var largest = mass.Max();
        var scaled = examples.Select(e => (e.Document, e.Topic, Weight: (float)(e.Weight * Math.Pow(mass[e.Topic] / largest, -strength)))).ToList();
        var rescale = (float)(examples.Sum(e => (double)e.Weight) / scaled.Sum(e => (double)e.Weight));
        return scaled.Select(e => (e.Document, e.Topic, e.Weight * rescale)).ToList();
    }

    private MulticlassDataset Dataset(SparseVector[] rows, IReadOnlyList<(int Document, int Topic, float Weight)> examples) =>
        new(examples.Select(e => rows[e.Document]).ToArray(), examples.Select(e => e.Topic).ToArray(), Corpus.Taxonomy.Ids,
            examples.Select(e => e.Weight).ToArray());

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
