namespace TopicModel.ML.Metrics;

/// <summary>
/// How far the predicted probabilities are from observed frequencies.
/// <see cref="ExpectedCalibrationError"/>: Σ over equal-width bins of the top probability of
/// (bin share) × |accuracy − mean confidence| (Guo et al., 2017); <see cref="MaximumCalibrationError"/>:
/// the largest such gap over non-empty bins. <see cref="BrierScore"/>: mean over examples of
/// Σ_classes (p − 1[true])², Brier's original multiclass form, in [0, 2], 0 for a perfect model.
/// </summary>
public sealed record CalibrationMetrics(
    double ExpectedCalibrationError,
    double MaximumCalibrationError,
    double BrierScore,
    IReadOnlyList<ReliabilityBin> Bins)
{
    internal static CalibrationMetrics From(MetricCounts counts)
    {
        var binCount = counts.BinCount;
        var bins = new ReliabilityBin[binCount];
        for (var b = 0; b < binCount; b++)
        {
            var n = counts.BinExamples(b);
            bins[b] = new ReliabilityBin(
                b,
                (double)b / binCount,
                (double)(b + 1) / binCount,
                n,
                n == 0 ? null : counts.BinConfidenceSum(b) / n,
                n == 0 ? null : (double)counts.BinCorrect(b) / n);
        }
        return new CalibrationMetrics(counts.ExpectedCalibrationError, counts.MaximumCalibrationError, counts.BrierScore, bins);
    }
}
