namespace TopicModel.ML.Metrics;

/// <summary>
/// Bootstrap percentile intervals for every overall and per-class metric of
/// <see cref="MulticlassClassificationMetrics"/>, with the options that produced them.
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
    ConfidenceInterval BrierScore,
    IReadOnlyList<ClassMetricIntervals> PerClass);
