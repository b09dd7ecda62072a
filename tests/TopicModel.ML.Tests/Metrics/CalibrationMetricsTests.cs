using TopicModel.ML.Metrics;

namespace TopicModel.ML.Tests.Metrics;

public class CalibrationMetricsTests
{
    private const double Tolerance = 1e-6; // float probabilities

    // Bin 8 (0.85): 4 examples, 3 correct; bin 5 (0.55): 2 examples, both correct; bin 9 (0.95): 4 examples, all correct.
    private static MulticlassClassificationMetrics Crafted()
    {
        var labels = new List<int>();
        var rows = new List<float[]>();
        void Add(float confidence, bool correct)
        {
            rows.Add([confidence, 1 - confidence]);
            labels.Add(correct ? 0 : 1);
        }
        for (var i = 0; i < 4; i++) Add(0.85f, i < 3);
        for (var i = 0; i < 2; i++) Add(0.55f, true);
        for (var i = 0; i < 4; i++) Add(0.95f, true);
        return MulticlassEvaluator.Evaluate(MulticlassPredictions.Create([.. labels], rows.ToArray(), ["x", "y"]));
    }

    [Fact]
    public void Expected_calibration_error_weighs_each_bins_gap_by_its_share()
    {
        var calibration = Crafted().Calibration;

        // (4·|0.75 − 0.85| + 2·|1 − 0.55| + 4·|1 − 0.95|) / 10
        Assert.Equal((4 * 0.1 + 2 * 0.45 + 4 * 0.05) / 10, calibration.ExpectedCalibrationError, Tolerance);
        Assert.Equal(0.45, calibration.MaximumCalibrationError, Tolerance);
    }

    [Fact]
    public void Reliability_bins_report_count_mean_confidence_and_accuracy()
    {
        var bins = Crafted().Calibration.Bins;

        Assert.Equal(10, bins.Count);
        Assert.Equal([0, 0, 0, 0, 0, 2, 0, 0, 4, 4], bins.Select(b => b.Count));
        Assert.Equal(0.85, bins[8].MeanConfidence!.Value, Tolerance);
        Assert.Equal(0.75, bins[8].Accuracy!.Value, Tolerance);
        Assert.Equal(1.0, bins[5].Accuracy!.Value, Tolerance);
        Assert.Equal((0.8, 0.9), (bins[8].LowerBound, bins[8].UpperBound));
        Assert.Null(bins[0].MeanConfidence);
        Assert.Null(bins[0].Accuracy);
    }

    [Fact]
    public void Brier_score_is_the_mean_squared_distance_to_the_one_hot_truth()
    {
        var brier = Crafted().Calibration.BrierScore;

        // A hit at confidence p costs 2(1 − p)²; a miss costs 2p².
        var expected = (3 * 2 * 0.15 * 0.15 + 2 * 0.85 * 0.85 + 2 * 2 * 0.45 * 0.45 + 4 * 2 * 0.05 * 0.05) / 10;
        Assert.Equal(expected, brier, Tolerance);
    }

    [Fact]
    public void The_bin_count_option_changes_the_binning_and_bad_counts_fail_clearly()
    {
        var p = MulticlassPredictions.Create([0, 0], new[] { new[] { 0.6f, 0.4f }, new[] { 0.9f, 0.1f } }, ["x", "y"]);

        var one = MulticlassEvaluator.Evaluate(p, new MulticlassEvaluatorOptions { CalibrationBinCount = 1 }).Calibration;
        Assert.Single(one.Bins);
        Assert.Equal(1 - (0.6 + 0.9) / 2, one.ExpectedCalibrationError, Tolerance);

        var error = Assert.Throws<TopicModelException>(() => MulticlassEvaluator.Evaluate(p, new MulticlassEvaluatorOptions { CalibrationBinCount = 0 }));
        Assert.Contains("CalibrationBinCount", error.Message);
    }
}
