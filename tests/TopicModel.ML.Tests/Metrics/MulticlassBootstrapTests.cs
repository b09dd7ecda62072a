using System.Text.Json;
using TopicModel.ML.Metrics;
using TopicModel.TestSupport;

namespace TopicModel.ML.Tests.Metrics;

public class MulticlassBootstrapTests
{
    private static readonly BootstrapOptions Fast = new() { Resamples = 300, Seed = 7 };

    private static IEnumerable<(string Name, ConfidenceInterval Interval)> Overall(MulticlassMetricIntervals ci) =>
    [
        ("MicroAccuracy", ci.MicroAccuracy), ("MacroAccuracy", ci.MacroAccuracy), ("LogLoss", ci.LogLoss),
        ("LogLossReduction", ci.LogLossReduction), ("Top2Accuracy", ci.Top2Accuracy), ("MacroF1", ci.MacroF1),
        ("WeightedF1", ci.WeightedF1), ("BrierScore", ci.BrierScore),
    ];

    [Fact]
    public void Intervals_contain_the_point_estimates_of_the_evaluator()
    {
        var p = SyntheticPredictions.Create(n: 400, k: 5, strength: 1.5, seed: 11);
        var metrics = MulticlassEvaluator.Evaluate(p);

        var ci = MulticlassBootstrap.ConfidenceIntervals(p, Fast);

        Assert.Equal(metrics.MicroAccuracy, ci.MicroAccuracy.Estimate);
        Assert.Equal(metrics.MacroF1, ci.MacroF1.Estimate);
        Assert.Equal(metrics.Calibration.ExpectedCalibrationError, ci.ExpectedCalibrationError.Estimate);
        foreach (var (name, interval) in Overall(ci))
        {
            Assert.True(interval.Lower <= interval.Estimate && interval.Estimate <= interval.Upper,
                $"{name}: {interval.Estimate} outside [{interval.Lower}, {interval.Upper}]");
            Assert.Equal(Fast.Resamples, interval.ResampleCount);
        }
        for (var c = 0; c < 5; c++)
        {
            var perClass = ci.PerClass[c];
            Assert.Equal(metrics.PerClass[c].Recall, perClass.Recall.Estimate);
            Assert.True(perClass.F1.Lower <= perClass.F1.Estimate && perClass.F1.Estimate <= perClass.F1.Upper, $"class {c} F1");
        }
    }

    [Fact]
    public void The_accuracy_interval_has_the_binomial_width()
    {
        var p = SyntheticPredictions.Create(n: 400, k: 4, strength: 2, seed: 3);
        var ci = MulticlassBootstrap.ConfidenceIntervals(p, new BootstrapOptions { Resamples = 1000, Seed = 5 });
        var acc = ci.MicroAccuracy.Estimate!.Value;

        var normalWidth = 2 * 1.96 * Math.Sqrt(acc * (1 - acc) / 400);
        var width = ci.MicroAccuracy.Upper!.Value - ci.MicroAccuracy.Lower!.Value;
        Assert.InRange(width / normalWidth, 0.85, 1.15);
    }

    [Fact]
    public void Intervals_shrink_with_more_data()
    {
        var small = MulticlassBootstrap.ConfidenceIntervals(SyntheticPredictions.Create(100, 4, 1.5, seed: 21), Fast);
        var large = MulticlassBootstrap.ConfidenceIntervals(SyntheticPredictions.Create(1600, 4, 1.5, seed: 21), Fast);

        static double Width(ConfidenceInterval i) => i.Upper!.Value - i.Lower!.Value;
        // Sixteen times the data: about a quarter of the width.
        Assert.True(Width(large.MicroAccuracy) < Width(small.MicroAccuracy) / 2.5);
        Assert.True(Width(large.MacroF1) < Width(small.MacroF1) / 2.5);
        Assert.True(Width(large.LogLoss) < Width(small.LogLoss) / 2.5);
        Assert.True(Width(large.PerClass[0].Recall) < Width(small.PerClass[0].Recall) / 2.5);
    }

    [Fact]
    public void Same_seed_gives_identical_intervals_whatever_the_thread_count_and_another_seed_differs()
    {
        var p = SyntheticPredictions.Create(200, 6, 1.0, seed: 4);

        var one = MulticlassBootstrap.ConfidenceIntervals(p, Fast with { MaxDegreeOfParallelism = 1 });
        var four = MulticlassBootstrap.ConfidenceIntervals(p, Fast with { MaxDegreeOfParallelism = 4 });
        var other = MulticlassBootstrap.ConfidenceIntervals(p, Fast with { Seed = 8 });

        Assert.Equal(JsonSerializer.Serialize(one), JsonSerializer.Serialize(four));
        Assert.NotEqual(one.MicroAccuracy, other.MicroAccuracy);
    }

    [Fact]
    public void Per_class_metrics_skip_resamples_without_their_class()
    {
        // Class 2 occurs once in 40 examples: about 1 − (39/40)^40 ≈ 64% of resamples contain it. Class 3 never occurs.
        var labels = Enumerable.Range(0, 40).Select(i => i == 0 ? 2 : i % 2).ToArray();
        var rows = SyntheticPredictions.Probabilities(labels, 4, 2, seed: 9);
        var p = MulticlassPredictions.Create(labels, rows, SyntheticPredictions.ClassNames(4));

        var ci = MulticlassBootstrap.ConfidenceIntervals(p, new BootstrapOptions { Resamples = 1000, Seed = 3 });

        Assert.InRange(ci.PerClass[2].Recall.ResampleCount, 560, 720);
        Assert.Equal(ci.PerClass[2].Recall.ResampleCount, ci.PerClass[2].Precision.ResampleCount);
        Assert.Equal(1000, ci.PerClass[0].Recall.ResampleCount);
        Assert.Equal(0, ci.PerClass[3].Recall.ResampleCount);
        Assert.Null(ci.PerClass[3].Recall.Estimate);
        Assert.Null(ci.PerClass[3].Recall.Lower);
        Assert.Null(ci.PerClass[3].F1.Upper);
        Assert.Equal(1000, ci.MacroAccuracy.ResampleCount);
    }

    [Fact]
    public void Secondary_hit_rate_gets_an_interval_only_when_secondaries_are_given()
    {
        var labels = SyntheticPredictions.Labels(100, 3, seed: 2);
        var rows = SyntheticPredictions.Probabilities(labels, 3, 1, seed: 3);
        var secondaries = labels.Select(l => (IReadOnlyCollection<int>?)new[] { (l + 1) % 3 }).ToArray();

        var without = MulticlassBootstrap.ConfidenceIntervals(MulticlassPredictions.Create(labels, rows, SyntheticPredictions.ClassNames(3)), Fast);
        var with = MulticlassBootstrap.ConfidenceIntervals(MulticlassPredictions.Create(labels, rows, SyntheticPredictions.ClassNames(3), secondaries), Fast);

        Assert.Null(without.SecondaryHitRate);
        Assert.NotNull(with.SecondaryHitRate);
        Assert.True(with.SecondaryHitRate.Estimate > with.MicroAccuracy.Estimate);
    }

    [Fact]
    public void A_held_out_sized_set_over_the_shipped_taxonomy_serializes_without_nan()
    {
        using var taxonomy = JsonDocument.Parse(File.ReadAllText(RepoPaths.Taxonomy));
        var topics = taxonomy.RootElement.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(14, topics.Length);
        // 112 examples like the held-out digest; some topics end up with no or few examples.
        var labels = SyntheticPredictions.Labels(112, 14, seed: 1).Select(l => Math.Min(l, 11)).ToArray();
        var p = MulticlassPredictions.Create(labels, SyntheticPredictions.Probabilities(labels, 14, 2, seed: 2), topics);

        var ci = MulticlassBootstrap.ConfidenceIntervals(p);

        Assert.Equal(1000, ci.Resamples);
        Assert.Equal(0, ci.PerClass[13].F1.ResampleCount);
        Assert.DoesNotContain("NaN", JsonSerializer.Serialize(ci));
    }

    [Theory]
    [InlineData(0, 0.95, "Resamples")]
    [InlineData(100, 1.0, "ConfidenceLevel")]
    [InlineData(100, 0.0, "ConfidenceLevel")]
    public void Bad_options_fail_clearly(int resamples, double level, string expected)
    {
        var p = SyntheticPredictions.Create(20, 3, 1, seed: 1);
        var error = Assert.Throws<TopicModelException>(
            () => MulticlassBootstrap.ConfidenceIntervals(p, new BootstrapOptions { Resamples = resamples, ConfidenceLevel = level }));
        Assert.Contains(expected, error.Message);
    }
}
