namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// Papers that share an id (same canonical title). A paper repeated inside one digest is listed in
/// <see cref="WithinDigest"/>; one that appears in more than one digest in <see cref="CrossDigest"/>;
/// a paper can be in both. Nothing is removed: callers decide (e.g. keep the first copy for training,
/// refuse a split that puts copies on both sides).
/// </summary>
/// <param name="TotalPapers">Papers examined, copies included.</param>
/// <param name="DistinctPapers">Distinct ids among them.</param>
public sealed record DuplicateReport(
    int TotalPapers,
    int DistinctPapers,
    IReadOnlyList<DuplicateGroup> WithinDigest,
    IReadOnlyList<DuplicateGroup> CrossDigest)
{
    /// <summary>Copies beyond the first of each id, i.e. how many papers a de-duplication would drop.</summary>
    public int ExtraCopies => TotalPapers - DistinctPapers;

    public bool IsEmpty => WithinDigest.Count == 0 && CrossDigest.Count == 0;
}
