namespace TopicModel.ML.MultiLabel;

/// <summary>
/// Turns a paper's topic probabilities into its set of topics: the most probable topic first, then every other
/// topic whose probability reaches that topic's threshold, most probable first, at most <see cref="MaxTopics"/>.
/// Reviewed labels carry a primary and up to two secondary topics, so three is the default cap.
/// Thresholds come from <see cref="Tune"/> on out-of-fold probabilities; a threshold above 1 never adds its topic.
/// </summary>
public sealed record TopicThresholds(IReadOnlyList<float> Thresholds, int MaxTopics = 3)
{
    /// <summary>Primary topic only: the single-label prediction.</summary>
    public static TopicThresholds PrimaryOnly(int topicCount) => new(Enumerable.Repeat(Never, topicCount).ToArray());

    /// <summary>The threshold that never adds a topic.</summary>
    public const float Never = 2f;

    /// <summary>The grid <see cref="Tune"/> searches: 0.05 to 0.95 in steps of 0.05, and never.</summary>
    public static readonly float[] Grid = [.. Enumerable.Range(1, 19).Select(i => i * 0.05f), Never];

    /// <summary>The paper's topics, primary first (indices into the taxonomy).</summary>
    public int[] Select(ReadOnlySpan<float> probabilities)
    {
        if (probabilities.Length != Thresholds.Count)
            throw new ArgumentException($"expected {Thresholds.Count} probabilities, got {probabilities.Length}");
        var primary = 0;
        for (var t = 1; t < probabilities.Length; t++) if (probabilities[t] > probabilities[primary]) primary = t;
        var extra = new List<(int Topic, float P)>();
        for (var t = 0; t < probabilities.Length; t++)
            if (t != primary && probabilities[t] >= Thresholds[t]) extra.Add((t, probabilities[t]));
        // Ties keep taxonomy order, so the set is a pure function of the probabilities.
        return [primary, .. extra.OrderByDescending(e => e.P).ThenBy(e => e.Topic).Take(MaxTopics - 1).Select(e => e.Topic)];
    }

    /// <summary>
    /// Per-topic thresholds that maximise example-based F1 (<see cref="ExampleBasedMetrics"/>) of the predicted sets
    /// against the true sets (primary + secondary): coordinate ascent over <see cref="Grid"/>, topic by topic in
    /// taxonomy order, two passes, starting from primary only; a tie keeps the higher threshold (fewer extra topics).
    /// Deterministic for the same inputs.
    /// </summary>
    public static TopicThresholds Tune(IReadOnlyList<float[]> probabilities, IReadOnlyList<IReadOnlyCollection<int>> truth, int topicCount, int maxTopics = 3)
    {
        if (probabilities.Count != truth.Count) throw new ArgumentException("one true topic set per example is needed");
        var thresholds = Enumerable.Repeat(Never, topicCount).ToArray();
        double Score(float[] candidate)
        {
            var rule = new TopicThresholds(candidate, maxTopics);
            return ExampleBasedMetrics.Compute(probabilities.Select(p => rule.Select(p)).ToArray(), truth).F1;
        }
        var best = Score(thresholds);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var t = 0; t < topicCount; t++)
            {
                var keep = thresholds[t];
                // Highest first, so a tie keeps the threshold that adds fewer topics.
                foreach (var value in Grid.OrderByDescending(v => v))
                {
                    thresholds[t] = value;
                    var score = Score(thresholds);
                    if (score > best + 1e-12) { best = score; keep = value; }
                }
                thresholds[t] = keep;
            }
        }
        return new TopicThresholds(thresholds, maxTopics);
    }
}
