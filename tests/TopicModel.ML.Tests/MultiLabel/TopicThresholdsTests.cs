using TopicModel.ML.MultiLabel;

namespace TopicModel.ML.Tests.MultiLabel;

public sealed class TopicThresholdsTests
{
    private static float[] Softmax(Random rng, int k)
    {
        var z = Enumerable.Range(0, k).Select(_ => Math.Exp(rng.NextDouble() * 4)).ToArray();
        var sum = z.Sum();
        return z.Select(v => (float)(v / sum)).ToArray();
    }

    [Fact]
    public void A_topic_set_is_the_primary_then_topics_over_their_thresholds_most_probable_first_capped()
    {
        var rule = new TopicThresholds([0.1f, 0.1f, 0.3f, TopicThresholds.Never, 0.1f], MaxTopics: 3);

        Assert.Equal([2, 0, 4], rule.Select([0.2f, 0.05f, 0.45f, 0.15f, 0.15f]));    // 3 never joins; 1 is under 0.1
        Assert.Equal([3, 0], rule.Select([0.11f, 0.05f, 0.29f, 0.5f, 0.05f]));       // 2 is under its own 0.3
        Assert.Equal([0], TopicThresholds.PrimaryOnly(5).Select([0.4f, 0.3f, 0.1f, 0.1f, 0.1f]));
        Assert.Throws<ArgumentException>(() => rule.Select([0.5f, 0.5f]));
    }

    [Fact]
    public void Example_based_metrics_match_a_direct_set_computation()
    {
        var rng = new Random(7);
        var predicted = new List<int[]>();
        var truth = new List<IReadOnlyCollection<int>>();
        for (var i = 0; i < 300; i++)
        {
            predicted.Add(Enumerable.Range(0, 6).OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)).ToArray());
            truth.Add(Enumerable.Range(0, 6).OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)).ToHashSet());
        }

        var m = ExampleBasedMetrics.Compute(predicted, truth);

        double Mean(Func<HashSet<int>, HashSet<int>, double> f) => predicted.Zip(truth, (p, t) => f(p.ToHashSet(), t.ToHashSet())).Average();
        Assert.Equal(Mean((p, t) => p.Intersect(t).Count() / (double)p.Count), m.Precision, 12);
        Assert.Equal(Mean((p, t) => p.Intersect(t).Count() / (double)t.Count), m.Recall, 12);
        Assert.Equal(Mean((p, t) => 2.0 * p.Intersect(t).Count() / (p.Count + t.Count)), m.F1, 12);
        Assert.Equal(predicted.Zip(truth, (p, t) => t.Contains(p[0]) ? 1.0 : 0.0).Average(), m.HitRate, 12);
        // Weights are resample counts: weight 2 counts an example twice.
        var doubled = ExampleBasedMetrics.Compute([.. predicted, .. predicted], [.. truth, .. truth]);
        Assert.Equal(doubled.F1, ExampleBasedMetrics.Compute(predicted, truth, Enumerable.Repeat(2, predicted.Count).ToArray()).F1, 12);
    }

    [Fact]
    public void Tuning_adds_topics_only_where_they_raise_example_F1_and_is_deterministic()
    {
        // Papers whose second topic is real when its probability is high: a threshold should learn that.
        var rng = new Random(11);
        var probabilities = new List<float[]>();
        var truth = new List<IReadOnlyCollection<int>>();
        for (var i = 0; i < 400; i++)
        {
            var p = Softmax(rng, 5);
            probabilities.Add(p);
            var order = Enumerable.Range(0, 5).OrderByDescending(t => p[t]).ToArray();
            var set = new HashSet<int> { order[0] };
            if (p[order[1]] > 0.25f) set.Add(order[1]);
            truth.Add(set);
        }

        var tuned = TopicThresholds.Tune(probabilities, truth, 5);
        double F1(TopicThresholds r) => ExampleBasedMetrics.Compute(probabilities.Select(p => r.Select(p)).ToArray(), truth).F1;

        Assert.True(F1(tuned) > F1(TopicThresholds.PrimaryOnly(5)) + 0.05, $"{F1(tuned)} vs {F1(TopicThresholds.PrimaryOnly(5))}");
        Assert.All(tuned.Thresholds, t => Assert.InRange(t, 0.2f, 0.3f));
        Assert.Equal(tuned.Thresholds, TopicThresholds.Tune(probabilities, truth, 5).Thresholds);
        // Labels with no secondaries: adding a topic can only hurt, so every threshold stays at never.
        var single = TopicThresholds.Tune(probabilities, probabilities.Select(p => (IReadOnlyCollection<int>)new[] { Array.IndexOf(p, p.Max()) }).ToArray(), 5);
        Assert.All(single.Thresholds, t => Assert.Equal(TopicThresholds.Never, t));
    }
}
