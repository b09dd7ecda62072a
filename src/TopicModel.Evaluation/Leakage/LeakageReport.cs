namespace TopicModel.Evaluation.Leakage;

/// <summary>
/// Evaluation papers found in the training data, in evaluation order, and whether they were left out of
/// the metrics (<see cref="Excluded"/>, the default) or kept in on request.
/// </summary>
public sealed record LeakageReport(LeakageOptions Options, IReadOnlyList<LeakedPaper> Papers, bool Excluded)
{
    public int Count => Papers.Count;

    public int SameTitle => Papers.Count(p => p.Kind == LeakageKind.SameTitle);

    public int NearDuplicates => Papers.Count(p => p.Kind == LeakageKind.NearDuplicate);
}
