using TopicModel.DataPrep.Papers;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>Everything read from one or more inputs, each list in input order.</summary>
public sealed record ReadResult(
    IReadOnlyList<Paper> Papers,
    IReadOnlyList<RejectedRecord> Rejects,
    IReadOnlyList<ReaderWarning> Warnings);
