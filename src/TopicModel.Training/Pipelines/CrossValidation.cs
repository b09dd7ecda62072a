using TopicModel.ML;
using TopicModel.ML.Metrics;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// Stratified k-fold cross-validation of a <see cref="TextClassifierTrainer"/>: each fold refits the
/// featurizer too, so no vocabulary or idf leaks from the fold being scored. Grouped by digest when
/// the papers come from several digests (each digest's papers stay in one fold), so the estimate
/// reflects scoring digests the model has not seen; stratified by topic otherwise.
/// </summary>
public static class CrossValidation
{
    /// <summary>Out-of-fold predictions for every paper, in input order, and the metrics over them.</summary>
    public static (float[][] Probabilities, MulticlassClassificationMetrics Metrics, string Rule) Run(
        TextClassifierTrainer trainer, IReadOnlyList<LabeledPaper> papers, IReadOnlyList<string> topics, int folds, int seed)
    {
        var digests = papers.Select(p => p.Paper.Digest).Distinct().Count();
        var (fold, rule) = digests >= folds
            ? (GroupedFolds(papers, folds), $"{folds}-fold cross-validation grouped by digest ({digests} digests)")
            : (StratifiedFolds(papers, folds, seed), $"{folds}-fold cross-validation stratified by topic over {papers.Count} papers of {digests} digest(s)");
        var probabilities = new float[papers.Count][];
        for (var k = 0; k < folds; k++)
        {
            var train = papers.Where((_, i) => fold[i] != k).ToArray();
            var testIndices = Enumerable.Range(0, papers.Count).Where(i => fold[i] == k).ToArray();
            if (testIndices.Length == 0) continue;
            var model = trainer.Fit(train, topics);
            foreach (var i in testIndices)
            {
                probabilities[i] = new float[topics.Count];
                model.Predict(papers[i].Paper, probabilities[i]);
            }
        }
        var predictions = MulticlassPredictions.Create(papers.Select(p => p.Topic).ToArray(), probabilities, topics);
        return (probabilities, MulticlassEvaluator.Evaluate(predictions), rule);
    }

    /// <summary>Deals each topic's papers round-robin over the folds after a seeded shuffle.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<LabeledPaper> papers, int folds, int seed)
    {
        if (papers.Count < folds)
            throw new TopicModelException($"{folds}-fold cross-validation needs at least {folds} papers, got {papers.Count}");
        var rng = new Random(seed);
        var order = Enumerable.Range(0, papers.Count).OrderBy(_ => rng.Next()).ToArray();
        var fold = new int[papers.Count];
        var next = 0;
        foreach (var group in order.GroupBy(i => papers[i].Topic).OrderBy(g => g.Key))
        {
            foreach (var i in group) fold[i] = next++ % folds;
        }
        return fold;
    }

    /// <summary>Whole digests per fold, largest first onto the currently smallest fold.</summary>
    public static int[] GroupedFolds(IReadOnlyList<LabeledPaper> papers, int folds)
    {
        var sizes = new int[folds];
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in papers.GroupBy(p => p.Paper.Digest).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            foldOf[g.Key] = smallest;
            sizes[smallest] += g.Count();
        }
        return papers.Select(p => foldOf[p.Paper.Digest]).ToArray();
    }
}
