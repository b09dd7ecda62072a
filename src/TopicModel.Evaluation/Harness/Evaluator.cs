using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.Evaluation.Leakage;
using TopicModel.ML;
using TopicModel.ML.Metrics;
using TopicModel.ML.MultiLabel;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Scoring;

namespace TopicModel.Evaluation.Harness;

/// <summary>
/// bundle + labeled evaluation papers (+ the training papers, for the leakage check) -> <see cref="EvaluationResult"/>.
/// Pure apart from running the model; same inputs and seed give the same result.
/// </summary>
public static class Evaluator
{
    public static EvaluationResult Evaluate(
        ModelBundle bundle, IReadOnlyList<EvaluationPaper> evaluation, IReadOnlyList<EvaluationPaper> training, EvaluationOptions options) =>
        Evaluate(bundle.Name, bundle.Classifier, bundle.Taxonomy, evaluation, training, options, bundle.Thresholds);

    /// <param name="classifier">Any classifier over the taxonomy's topics; a <see cref="TextClassifier"/> also explains its errors.</param>
    /// <param name="thresholds">How probabilities become a paper's topics for the multi-label metrics; null: the primary topic alone.</param>
    /// <param name="sameData">An evaluation of another model on these same evaluation and training papers with the same
    /// leakage options (a baseline beside the model): its leakage check is reused, since it depends on the papers alone.</param>
    public static EvaluationResult Evaluate(
        string modelName,
        IPaperClassifier classifier,
        Taxonomy taxonomy,
        IReadOnlyList<EvaluationPaper> evaluation,
        IReadOnlyList<EvaluationPaper> training,
        EvaluationOptions options,
        TopicThresholds? thresholds = null,
        EvaluationResult? sameData = null)
    {
        if (!classifier.Topics.SequenceEqual(taxonomy.Ids))
            throw new TopicModelException($"the model predicts [{string.Join(", ", classifier.Topics)}], not the taxonomy's topics");
        if (sameData is not null && sameData.Leakage.Options != options.Leakage)
            throw new ArgumentException("the other evaluation checked leakage with other options", nameof(sameData));
        var leaked = sameData?.Leakage.Papers
            ?? LeakageCheck.Find(evaluation.Select(p => p.Paper).ToArray(), training.Select(p => p.Paper).ToArray(), options.Leakage);
        var leakedIds = leaked.Select(l => l.Paper.Id).ToHashSet(StringComparer.Ordinal);
        var kept = options.IncludeLeaked ? evaluation : evaluation.Where(p => !leakedIds.Contains(p.Paper.Id)).ToArray();
        if (kept.Count == 0)
            throw new TopicModelException($"no papers left to evaluate: all {evaluation.Count} occur in the training data (pass --include-leaked to score them anyway)");

        var labels = kept.Select(p => TopicIndex(taxonomy, p.Topic, p)).ToArray();
        var probabilities = Predict(classifier, kept);
        var secondary = kept.Any(p => p.Secondary.Count > 0)
            ? kept.Select(p => (IReadOnlyCollection<int>?)p.Secondary.Select(s => TopicIndex(taxonomy, s, p)).ToArray()).ToArray()
            : null;
        var predictions = MulticlassPredictions.Create(labels, probabilities, taxonomy.Ids, secondary);

        return new EvaluationResult(
            modelName,
            taxonomy,
            kept.Select(p => p.Paper.Id).ToArray(),
            new LabelCounts(kept.Count(p => p.Source == LabelSource.Reviewed), kept.Count(p => p.Source == LabelSource.Weak)),
            MulticlassEvaluator.Evaluate(predictions, options.Metrics),
            MulticlassBootstrap.ConfidenceIntervals(predictions, options.Bootstrap, options.Metrics),
            Misclassified(classifier, kept, predictions, probabilities, options.ExplainedTerms),
            new LeakageReport(options.Leakage, leaked, Excluded: !options.IncludeLeaked),
            CountPerTopic(taxonomy, training),
            CountPerTopic(taxonomy, kept),
            predictions)
        {
            MultiLabel = MultiLabel(kept, labels, probabilities, thresholds ?? TopicThresholds.PrimaryOnly(taxonomy.Ids.Count), taxonomy, options.Bootstrap),
        };
    }

    /// <summary>Example-based metrics of the predicted topic sets against primary + secondary, over the reviewed papers; null when none is reviewed.</summary>
    private static MultiLabelEvaluation? MultiLabel(IReadOnlyList<EvaluationPaper> papers, int[] labels, float[][] probabilities,
        TopicThresholds thresholds, Taxonomy taxonomy, BootstrapOptions bootstrap)
    {
        var reviewed = Enumerable.Range(0, papers.Count).Where(i => papers[i].Source == LabelSource.Reviewed).ToArray();
        if (reviewed.Length == 0) return null;
        var truth = reviewed.Select(i => (IReadOnlyCollection<int>)papers[i].Secondary.Select(s => TopicIndex(taxonomy, s, papers[i])).Prepend(labels[i]).ToHashSet()).ToArray();
        var predicted = reviewed.Select(i => thresholds.Select(probabilities[i])).ToArray();
        return new MultiLabelEvaluation(ExampleBasedIntervals.Compute(predicted, truth, bootstrap), predicted, reviewed.Length,
            thresholds.Thresholds.Any(t => t <= 1));
    }

    private static float[][] Predict(IPaperClassifier classifier, IReadOnlyList<EvaluationPaper> papers)
    {
        var rows = new float[papers.Count][];
        System.Threading.Tasks.Parallel.For(0, papers.Count, i =>
        {
            rows[i] = new float[classifier.Topics.Count];
            classifier.Predict(papers[i].Paper, rows[i]);
        });
        return rows;
    }

    private static IReadOnlyList<MisclassifiedPaper> Misclassified(
        IPaperClassifier classifier, IReadOnlyList<EvaluationPaper> papers, MulticlassPredictions predictions, float[][] probabilities, int terms)
    {
        var topics = classifier.Topics;
        var errors = new List<MisclassifiedPaper>();
        for (var i = 0; i < papers.Count; i++)
        {
            var (truth, predicted) = (predictions.Labels[i], predictions.PredictedLabels[i]);
            if (truth == predicted) continue;
            var paper = papers[i];
            var explanation = classifier is TextClassifier text && terms > 0
                ? text.Explain(paper.Paper, topics[predicted], terms).Select(t => new TermContribution(t.Term, t.Contribution)).ToArray()
                : [];
            errors.Add(new MisclassifiedPaper(
                paper.Paper.Id, paper.Paper.Title, paper.Paper.Digest, topics[truth], topics[predicted],
                probabilities[i][predicted], probabilities[i][truth], paper.Source, explanation));
        }
        return errors;
    }

    private static int[] CountPerTopic(Taxonomy taxonomy, IEnumerable<EvaluationPaper> papers)
    {
        var counts = new int[taxonomy.Topics.Count];
        foreach (var p in papers)
        {
            var t = taxonomy.IndexOf(p.Topic);
            if (t >= 0) counts[t]++;
        }
        return counts;
    }

    private static int TopicIndex(Taxonomy taxonomy, string topic, EvaluationPaper paper)
    {
        var index = taxonomy.IndexOf(topic);
        return index >= 0 ? index : throw new TopicModelException($"paper '{paper.Paper.Title}' is labeled '{topic}', which is not a topic of the model", paper.Paper.Digest, paper.Paper.Line);
    }
}
