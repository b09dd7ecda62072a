namespace TopicModel.DataPrep.Labeling;

/// <summary>Why a paper got its votes: every keyword hit of every function, in field then text order.</summary>
public sealed record PaperEvidence(string PaperId, IReadOnlyList<KeywordHit> Hits)
{
    public static PaperEvidence None(string paperId) => new(paperId, []);
}
