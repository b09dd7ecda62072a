namespace TopicModel.ML.Metrics;

/// <summary>Bootstrap intervals of one class's metrics (see <see cref="ClassMetrics"/> for the definitions).</summary>
public sealed record ClassMetricIntervals(
    int ClassIndex,
    string ClassName,
    ConfidenceInterval Precision,
    ConfidenceInterval Recall,
    ConfidenceInterval F1,
    ConfidenceInterval LogLoss);
