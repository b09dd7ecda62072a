namespace TopicModel.DataPrep.Ingestion;

/// <summary>Where one copy of a paper was read: its digest and 1-based line.</summary>
public sealed record PaperLocation(string Digest, long Line);
