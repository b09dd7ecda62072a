namespace TopicModel.ML.Metrics;

/// <summary>
/// Evaluation of a multiclass classifier, with ML.NET's names and definitions:
/// <list type="bullet">
/// <item><see cref="MicroAccuracy"/>: fraction of examples whose top class is the true class.</item>
/// <item><see cref="MacroAccuracy"/>: mean per-class recall over the classes present in the labels.</item>
/// <item><see cref="LogLoss"/>: mean −ln p(true class), p clipped below at <see cref="MulticlassPredictions.LogLossEpsilon"/>.</item>
/// <item><see cref="LogLossReduction"/>: (<see cref="PriorLogLoss"/> − <see cref="LogLoss"/>) / <see cref="PriorLogLoss"/>,
/// where the prior predicts the label frequencies for every example: 1 is perfect, 0 no better than the prior,
/// negative worse than it; null when every label is one class (the prior's log-loss is 0).</item>
/// <item><see cref="TopKAccuracyForAllK"/>[k−1]: fraction whose true class ranks among the k highest probabilities,
/// ties ranked by class index as argmax does.</item>
/// </list>
/// <see cref="MacroF1"/> averages per-class F1 over the classes present in the labels (classes only predicted,
/// never true, are left out, unlike scikit-learn's default); <see cref="WeightedF1"/> weighs F1 by support.
/// <see cref="SecondaryHitRate"/> is the share of predictions that equal the true class or one of the example's
/// secondary classes, null when no secondary labels were given. No value is NaN: undefined is null.
/// </summary>
public sealed record MulticlassClassificationMetrics(
    int ExampleCount,
    int ClassCount,
    double MicroAccuracy,
    double MacroAccuracy,
    double LogLoss,
    double PriorLogLoss,
    double? LogLossReduction,
    IReadOnlyList<double> TopKAccuracyForAllK,
    double Top2Accuracy,
    double? Top3Accuracy,
    double MacroF1,
    double WeightedF1,
    double? SecondaryHitRate,
    IReadOnlyList<double> PerClassPrecision,
    IReadOnlyList<double?> PerClassRecall,
    IReadOnlyList<double?> PerClassLogLoss,
    IReadOnlyList<ClassMetrics> PerClass,
    ConfusionMatrix ConfusionMatrix,
    CalibrationMetrics Calibration)
{
    /// <summary>Names of classes that were never predicted (precision reported as 0).</summary>
    public IReadOnlyList<string> ClassesWithoutPredictions =>
        PerClass.Where(c => c.HasNoPredictions).Select(c => c.ClassName).ToArray();

    /// <summary>Names of classes absent from the labels (left out of the macro averages).</summary>
    public IReadOnlyList<string> ClassesWithoutSupport =>
        PerClass.Where(c => c.HasNoSupport).Select(c => c.ClassName).ToArray();
}
