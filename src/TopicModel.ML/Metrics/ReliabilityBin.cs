namespace TopicModel.ML.Metrics;

/// <summary>
/// One point of a reliability curve: the examples whose top probability falls in
/// [<see cref="LowerBound"/>, <see cref="UpperBound"/>) (the last bin also holds 1.0).
/// <see cref="MeanConfidence"/> and <see cref="Accuracy"/> are null for an empty bin.
/// </summary>
public sealed record ReliabilityBin(
    int Index,
    double LowerBound,
    double UpperBound,
    int Count,
    double? MeanConfidence,
    double? Accuracy);
