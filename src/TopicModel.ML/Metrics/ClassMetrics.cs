namespace TopicModel.ML.Metrics;

/// <summary>
/// One class's row of the evaluation. Undefined values are null, never NaN:
/// a class with no predictions has <see cref="Precision"/> 0 and <see cref="HasNoPredictions"/> set
/// (scikit-learn's zero_division=0); a class with no support has null <see cref="Recall"/>,
/// <see cref="F1"/> and <see cref="LogLoss"/>, <see cref="HasNoSupport"/> set, and is left out of the macro averages.
/// </summary>
public sealed record ClassMetrics(
    int ClassIndex,
    string ClassName,
    int Support,
    int PredictedCount,
    int TruePositives,
    double Precision,
    double? Recall,
    double? F1,
    double? LogLoss,
    bool HasNoPredictions,
    bool HasNoSupport);
