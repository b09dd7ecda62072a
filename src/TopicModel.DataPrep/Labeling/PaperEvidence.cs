namespace TopicModel.DataPrep.Labeling;

/// <summary>Why a paper got its votes: every keyword hit, title first, then by function and position.</summary>
public sealed record PaperEvidence(string PaperId, IReadOnlyList<KeywordHit> Hits)
{
    public static PaperEvidence None(string paperId) => new(paperId, []);
}
