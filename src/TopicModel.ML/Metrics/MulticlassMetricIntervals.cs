namespace TopicModel.ML.Metrics;

/// <summary>
/// Bootstrap percentile intervals for every overall and per-class metric of
/// <see cref="MulticlassClassificationMetrics"/>, with the options that produced them.
/// Calibration errors are biased upward under resampling (duplicated examples add binning noise), so on
/// small sets their interval can sit above the full-data estimate; read it as a spread, not a correction.
/// </summary>
public sealed record MulticlassMetricIntervals(
    int Resamples,
    double ConfidenceLevel,
    int Seed,
    ConfidenceInterval MicroAccuracy,
    ConfidenceInterval MacroAccuracy,
    ConfidenceInterval LogLoss,
    ConfidenceInterval LogLossReduction,
    IReadOnlyList<ConfidenceInterval> TopKAccuracyForAllK,
    ConfidenceInterval Top2Accuracy,
    ConfidenceInterval? Top3Accuracy,
    ConfidenceInterval MacroF1,
    ConfidenceInterval WeightedF1,
    ConfidenceInterval? SecondaryHitRate,
    ConfidenceInterval ExpectedCalibrationError,
    ConfidenceInterval MaximumCalibrationError,
    ConfidenceInterval BrierScore,
    IReadOnlyList<ClassMetricIntervals> PerClass);
