namespace TopicModel.DataPrep.Ingestion;

/// <summary>All copies of one paper id, in input order; <see cref="Title"/> is the first copy's.</summary>
public sealed record DuplicateGroup(string Id, string Title, IReadOnlyList<PaperLocation> Occurrences)
{
    /// <summary>The distinct digests the copies come from, in order of first appearance.</summary>
    public IReadOnlyList<string> Digests => Occurrences.Select(o => o.Digest).Distinct(StringComparer.Ordinal).ToArray();
}
