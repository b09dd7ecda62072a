using System.Text.Json;
using TopicModel.ML.Metrics;

namespace TopicModel.ML.Tests.Metrics;

public class MulticlassEvaluatorTests
{
    private const double Tolerance = 1e-9;

    // Six examples over A, B, C, D. C is never predicted, D is neither true nor predicted.
    // Example 5 ties its true class C (0.2) with A (0.2): A has the lower index, so C ranks third.
    private static readonly string[] Names = ["A", "B", "C", "D"];
    private static readonly int[] Labels = [0, 0, 1, 1, 2, 2];
    private static readonly float[][] Rows =
    [
        [0.7f, 0.2f, 0.1f, 0f],
        [0.4f, 0.5f, 0.1f, 0f],
        [0.1f, 0.8f, 0.1f, 0f],
        [0.6f, 0.3f, 0.1f, 0f],
        [0.5f, 0.3f, 0.2f, 0f],
        [0.2f, 0.6f, 0.2f, 0f],
    ];

    private static MulticlassClassificationMetrics HandCase(IReadOnlyList<IReadOnlyCollection<int>?>? secondaries = null) =>
        MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(Labels, Rows, Names, secondaries));

    [Fact]
    public void Accuracy_and_macro_accuracy_match_hand_computed_values()
    {
        var m = HandCase();

        Assert.Equal(6, m.ExampleCount);
        Assert.Equal(2.0 / 6, m.MicroAccuracy, Tolerance);
        // Recalls 1/2, 1/2, 0 over the three classes present; D has no support and is left out.
        Assert.Equal((0.5 + 0.5 + 0) / 3, m.MacroAccuracy, Tolerance);
    }

    [Fact]
    public void Per_class_precision_recall_f1_and_support_match_hand_computed_values()
    {
        var m = HandCase();
        var a = m.PerClass[0];
        var c = m.PerClass[2];
        var d = m.PerClass[3];

        Assert.Equal((2, 3, 1), (a.Support, a.PredictedCount, a.TruePositives));
        Assert.Equal(1.0 / 3, a.Precision, Tolerance);
        Assert.Equal(0.5, a.Recall!.Value, Tolerance);
        Assert.Equal(2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5), a.F1!.Value, Tolerance);
        Assert.False(a.HasNoPredictions);

        // Never predicted: precision reported as 0 (zero_division=0) and flagged; recall and F1 are 0, not undefined.
        Assert.True(c.HasNoPredictions);
        Assert.False(c.HasNoSupport);
        Assert.Equal(0, c.Precision);
        Assert.Equal(0, c.Recall);
        Assert.Equal(0, c.F1);

        // No support: recall, F1 and log-loss undefined (null), flagged.
        Assert.True(d.HasNoSupport);
        Assert.True(d.HasNoPredictions);
        Assert.Equal(0, d.Precision);
        Assert.Null(d.Recall);
        Assert.Null(d.F1);
        Assert.Null(d.LogLoss);
        Assert.Equal(["C", "D"], m.ClassesWithoutPredictions);
        Assert.Equal(["D"], m.ClassesWithoutSupport);
        Assert.Equal(m.PerClass.Select(x => x.Precision), m.PerClassPrecision);
        Assert.Equal(m.PerClass.Select(x => x.Recall), m.PerClassRecall);
    }

    [Fact]
    public void Macro_and_weighted_f1_average_over_classes_with_support()
    {
        var m = HandCase();

        // F1: A 0.4, B 0.4, C 0; D excluded.
        Assert.Equal((0.4 + 0.4 + 0) / 3, m.MacroF1, Tolerance);
        Assert.Equal((2 * 0.4 + 2 * 0.4 + 2 * 0) / 6, m.WeightedF1, Tolerance);
    }

    [Fact]
    public void Log_loss_and_its_reduction_over_the_label_prior_match_hand_computed_values()
    {
        var m = HandCase();
        var expected = -(Math.Log(0.7f) + Math.Log(0.4f) + Math.Log(0.8f) + Math.Log(0.3f) + Math.Log(0.2f) + Math.Log(0.2f)) / 6;

        Assert.Equal(expected, m.LogLoss, Tolerance);
        Assert.Equal(Math.Log(3), m.PriorLogLoss, Tolerance); // three classes, two labels each
        Assert.Equal((Math.Log(3) - expected) / Math.Log(3), m.LogLossReduction!.Value, Tolerance);
        Assert.Equal(-(Math.Log(0.7f) + Math.Log(0.4f)) / 2, m.PerClassLogLoss[0]!.Value, Tolerance);
        Assert.Null(m.PerClassLogLoss[3]);
    }

    [Fact]
    public void Top_k_accuracy_ranks_ties_by_class_index()
    {
        var m = HandCase();

        // True-class ranks: 0, 1, 0, 1, 2, 2 (the tie in example 5 puts A first).
        Assert.Equal([2.0 / 6, 4.0 / 6, 1.0, 1.0], m.TopKAccuracyForAllK);
        Assert.Equal(4.0 / 6, m.Top2Accuracy, Tolerance);
        Assert.Equal(1.0, m.Top3Accuracy!.Value, Tolerance);
    }

    [Fact]
    public void Uniform_probabilities_predict_the_first_class_and_rank_the_true_class_by_index()
    {
        float[][] rows = [[0.25f, 0.25f, 0.25f, 0.25f], [0.25f, 0.25f, 0.25f, 0.25f]];
        var m = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create([0, 2], rows, Names));

        Assert.Equal(0.5, m.MicroAccuracy);
        Assert.Equal([0.5, 0.5, 1.0, 1.0], m.TopKAccuracyForAllK);
        Assert.Equal(2, m.PerClass[0].PredictedCount);
    }

    [Fact]
    public void Secondary_hit_rate_counts_the_primary_or_any_secondary()
    {
        IReadOnlyCollection<int>?[] secondaries = [[], [1], null, [2], [0, 3], []];
        var m = HandCase(secondaries);

        // Hits: 0 (primary), 1 (secondary B), 2 (primary), 4 (secondary A); misses: 3, 5.
        Assert.Equal(4.0 / 6, m.SecondaryHitRate!.Value, Tolerance);
        Assert.Null(HandCase().SecondaryHitRate);
    }

    [Fact]
    public void Confusion_matrix_counts_true_by_predicted_and_gives_back_precision_and_recall()
    {
        var m = HandCase();
        var cm = m.ConfusionMatrix;

        Assert.Equal([[1, 1, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0]], cm.Counts.Select(r => r.ToArray()));
        Assert.Equal([0.5, 0.5, 0, 0], cm.RowNormalized[0]!);
        Assert.Null(cm.RowNormalized[3]);
        Assert.Equal(Names, cm.ClassNames);
        for (var c = 0; c < Names.Length; c++)
        {
            Assert.Equal(m.PerClass[c].Precision, cm.Precision(c), Tolerance);
            Assert.Equal(m.PerClass[c].Recall, cm.Recall(c));
            Assert.Equal(m.PerClass[c].Support, cm.Support(c));
            Assert.Equal(m.PerClass[c].PredictedCount, cm.PredictedCount(c));
        }
    }

    [Fact]
    public void Perfect_predictions_score_perfectly()
    {
        int[] labels = [0, 1, 2, 1];
        var rows = labels.Select(l => OneHot(l, 3)).ToArray();
        var m = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(labels, rows, ["a", "b", "c"]));

        Assert.Equal(1, m.MicroAccuracy);
        Assert.Equal(1, m.MacroAccuracy);
        Assert.Equal(1, m.MacroF1);
        Assert.Equal(0, m.LogLoss);
        Assert.Equal(1, m.LogLossReduction);
        Assert.Equal(0, m.Calibration.BrierScore);
        Assert.Equal(0, m.Calibration.ExpectedCalibrationError);
    }

    [Fact]
    public void Confidently_wrong_predictions_score_worst_with_clipped_log_loss()
    {
        int[] labels = [0, 1, 2, 1];
        var rows = labels.Select(l => OneHot((l + 1) % 3, 3)).ToArray();
        var m = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(labels, rows, ["a", "b", "c"]));

        Assert.Equal(0, m.MicroAccuracy);
        Assert.Equal(0, m.MacroF1);
        Assert.Equal(-Math.Log(MulticlassPredictions.LogLossEpsilon), m.LogLoss, Tolerance);
        Assert.True(m.LogLossReduction < 0);
        Assert.Equal(2, m.Calibration.BrierScore, Tolerance);
        Assert.Equal(1, m.Calibration.ExpectedCalibrationError, Tolerance);
    }

    [Fact]
    public void Log_loss_reduction_is_zero_for_the_prior_positive_when_better_negative_when_worse()
    {
        int[] labels = [0, 0, 0, 1];
        float[][] prior = [.. labels.Select(_ => new[] { 0.75f, 0.25f })];
        float[][] better = [[0.9f, 0.1f], [0.9f, 0.1f], [0.9f, 0.1f], [0.4f, 0.6f]];
        float[][] worse = [.. labels.Select(_ => new[] { 0.5f, 0.5f })];
        string[] names = ["x", "y"];

        Assert.Equal(0, MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(labels, prior, names)).LogLossReduction!.Value, 1e-7);
        Assert.True(MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(labels, better, names)).LogLossReduction > 0);
        Assert.True(MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(labels, worse, names)).LogLossReduction < 0);
    }

    [Fact]
    public void Log_loss_reduction_is_null_when_every_label_is_one_class()
    {
        float[][] rows = [[0.9f, 0.1f], [0.6f, 0.4f]];
        var m = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create([0, 0], rows, ["x", "y"]));

        Assert.Equal(0, m.PriorLogLoss);
        Assert.Null(m.LogLossReduction);
    }

    [Fact]
    public void Flat_and_jagged_probability_rows_give_the_same_metrics()
    {
        var flat = Rows.SelectMany(r => r).ToArray();

        var fromFlat = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(Labels, flat, Names));

        Assert.Equal(JsonSerializer.Serialize(HandCase()), JsonSerializer.Serialize(fromFlat));
    }

    [Fact]
    public void Metrics_serialize_to_json_without_nan_and_with_null_for_undefined_values()
    {
        // System.Text.Json refuses NaN by default, so serializing at all proves there is none.
        var json = JsonSerializer.Serialize(HandCase());

        using var doc = JsonDocument.Parse(json);
        var d = doc.RootElement.GetProperty("PerClass")[3];
        Assert.Equal(JsonValueKind.Null, d.GetProperty("Recall").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("ConfusionMatrix").GetProperty("RowNormalized")[3].ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("SecondaryHitRate").ValueKind);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void Metrics_agree_with_each_other_on_synthetic_data(double strength)
    {
        var p = SyntheticPredictions.Create(n: 500, k: 7, strength, seed: 17);
        var m = MulticlassEvaluator.Evaluate(p);
        var correct = p.Labels.Zip(p.PredictedLabels).Count(x => x.First == x.Second);

        Assert.Equal((double)correct / 500, m.MicroAccuracy, Tolerance);
        Assert.Equal(m.MicroAccuracy, m.TopKAccuracyForAllK[0], Tolerance); // rank 0 exactly when argmax is right
        Assert.Equal(1.0, m.TopKAccuracyForAllK[^1], Tolerance);
        Assert.True(m.TopKAccuracyForAllK.Zip(m.TopKAccuracyForAllK.Skip(1)).All(x => x.First <= x.Second));
        Assert.Equal(500, m.PerClass.Sum(c => c.Support));
        Assert.Equal(500, m.PerClass.Sum(c => c.PredictedCount));
        Assert.Equal(500, m.Calibration.Bins.Sum(b => b.Count));
        Assert.Equal(m.PerClass.Where(c => !c.HasNoSupport).Average(c => c.Recall!.Value), m.MacroAccuracy, Tolerance);
        // Chance-level logits hover around the prior; skilled ones beat it by a margin that grows with skill.
        Assert.Equal(strength > 0, m.LogLossReduction > 0.05);
    }

    private static float[] OneHot(int c, int k)
    {
        var row = new float[k];
        row[c] = 1f;
        return row;
    }
}
