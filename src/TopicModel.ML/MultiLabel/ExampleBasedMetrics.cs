namespace TopicModel.ML.MultiLabel;

/// <summary>
/// Example-based multi-label metrics (Godbole and Sarawagi, 2004; scikit-learn's <c>average="samples"</c>): per paper,
/// precision = |predicted ∩ true| / |predicted|, recall = |predicted ∩ true| / |true|, F1 = 2|∩| / (|predicted| + |true|),
/// averaged over papers. The true set is a paper's primary plus secondary topics. <see cref="HitRate"/> is the share of
/// papers whose predicted primary is in the true set.
/// </summary>
public sealed record ExampleBasedMetrics(double Precision, double Recall, double F1, double HitRate, double MeanPredictedTopics, int Count)
{
    public static ExampleBasedMetrics Compute(IReadOnlyList<int[]> predicted, IReadOnlyList<IReadOnlyCollection<int>> truth, ReadOnlySpan<int> weights = default)
    {
        if (predicted.Count != truth.Count) throw new ArgumentException("one true topic set per prediction is needed");
        double precision = 0, recall = 0, f1 = 0, hits = 0, size = 0, total = 0;
        for (var i = 0; i < predicted.Count; i++)
        {
            var w = weights.IsEmpty ? 1 : weights[i];
            if (w == 0) continue;
            var p = predicted[i];
            var t = truth[i];
            var common = 0;
            foreach (var topic in p) if (t.Contains(topic)) common++;
            precision += w * (double)common / p.Length;
            recall += w * (t.Count == 0 ? 0 : (double)common / t.Count);
            f1 += w * 2.0 * common / (p.Length + t.Count);
            if (t.Contains(p[0])) hits += w;
            size += w * p.Length;
            total += w;
        }
        if (total == 0) return new ExampleBasedMetrics(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        return new ExampleBasedMetrics(precision / total, recall / total, f1 / total, hits / total, size / total, (int)total);
    }
}
