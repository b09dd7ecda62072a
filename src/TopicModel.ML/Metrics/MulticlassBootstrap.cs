namespace TopicModel.ML.Metrics;

/// <summary>
/// Percentile bootstrap intervals for every metric of <see cref="MulticlassEvaluator"/>: B resamples of the
/// examples with replacement, each scored from its confusion counts and per-example terms (the model is
/// never re-run). A per-class metric is skipped in resamples that contain no example of its class; overall
/// metrics undefined in a resample (log-loss reduction when it holds one class) are skipped likewise.
/// Same predictions, options and seed give identical intervals on any number of threads.
/// </summary>
public static class MulticlassBootstrap
{
    private const int MicroAccuracy = 0;
    private const int MacroAccuracy = 1;
    private const int LogLoss = 2;
    private const int LogLossReduction = 3;
    private const int MacroF1 = 4;
    private const int WeightedF1 = 5;
    private const int ExpectedCalibrationError = 6;
    private const int BrierScore = 7;
    private const int SecondaryHitRate = 8;
    private const int MaximumCalibrationError = 9;
    private const int FirstTopK = 10;
    private const int PerClassWidth = 4;

    public static MulticlassMetricIntervals ConfidenceIntervals(
        MulticlassPredictions predictions,
        BootstrapOptions? options = null,
        MulticlassEvaluatorOptions? evaluation = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        options ??= new BootstrapOptions();
        evaluation ??= new MulticlassEvaluatorOptions();
        options.Validate();
        evaluation.Validate();

        var k = predictions.ClassCount;
        var firstClass = FirstTopK + k;
        var metricCount = firstClass + PerClassWidth * k;
        var hasSecondary = predictions.HasSecondaryLabels;
        var values = Bootstrap.Run(
            predictions.ExampleCount,
            metricCount,
            options,
            () => new MetricCounts(k, evaluation.CalibrationBinCount),
            (counts, draws, metrics) =>
            {
                counts.Clear();
                for (var i = 0; i < draws.Length; i++)
                    if (draws[i] > 0) counts.Add(predictions, i, draws[i]);
                Write(counts, hasSecondary, metrics);
            });

        var full = MulticlassEvaluator.Count(predictions, evaluation);
        var estimates = new double[metricCount];
        Write(full, hasSecondary, estimates);

        var b = options.Resamples;
        var level = options.ConfidenceLevel;
        ConfidenceInterval At(int metric) =>
            Bootstrap.Interval(values, metric, b, level, double.IsNaN(estimates[metric]) ? null : estimates[metric]);

        var topK = new ConfidenceInterval[k];
        for (var i = 0; i < k; i++) topK[i] = At(FirstTopK + i);

        var perClass = new ClassMetricIntervals[k];
        for (var c = 0; c < k; c++)
        {
            var at = firstClass + PerClassWidth * c;
            perClass[c] = new ClassMetricIntervals(
                c,
                predictions.ClassNames[c],
                // The full-data precision is defined (0) even for a class without support.
                Bootstrap.Interval(values, at, b, level, full.Precision(c)),
                At(at + 1),
                At(at + 2),
                At(at + 3));
        }

        return new MulticlassMetricIntervals(
            b,
            level,
            options.Seed,
            At(MicroAccuracy),
            At(MacroAccuracy),
            At(LogLoss),
            At(LogLossReduction),
            topK,
            topK[1],
            k >= 3 ? topK[2] : null,
            At(MacroF1),
            At(WeightedF1),
            hasSecondary ? At(SecondaryHitRate) : null,
            At(ExpectedCalibrationError),
            At(MaximumCalibrationError),
            At(BrierScore),
            perClass);
    }

    private static void Write(MetricCounts counts, bool hasSecondary, Span<double> metrics)
    {
        var k = counts.ClassCount;
        metrics[MicroAccuracy] = counts.MicroAccuracy;
        metrics[MacroAccuracy] = counts.MacroAccuracy;
        metrics[LogLoss] = counts.LogLoss;
        metrics[LogLossReduction] = counts.LogLossReduction ?? double.NaN;
        metrics[MacroF1] = counts.MacroF1;
        metrics[WeightedF1] = counts.WeightedF1;
        metrics[ExpectedCalibrationError] = counts.ExpectedCalibrationError;
        metrics[MaximumCalibrationError] = counts.MaximumCalibrationError;
        metrics[BrierScore] = counts.BrierScore;
        metrics[SecondaryHitRate] = counts.SecondaryHitRate(hasSecondary) ?? double.NaN;
        for (var i = 0; i < k; i++) metrics[FirstTopK + i] = counts.TopKAccuracy(i + 1);
        var firstClass = FirstTopK + k;
        for (var c = 0; c < k; c++)
        {
            var at = firstClass + PerClassWidth * c;
            var present = counts.Support(c) > 0;
            metrics[at] = present ? counts.Precision(c) : double.NaN;
            metrics[at + 1] = counts.Recall(c) ?? double.NaN;
            metrics[at + 2] = counts.F1(c) ?? double.NaN;
            metrics[at + 3] = counts.ClassLogLoss(c) ?? double.NaN;
        }
    }
}
