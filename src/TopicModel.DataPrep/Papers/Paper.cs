namespace TopicModel.DataPrep.Papers;

/// <summary>
/// One paper as read from an input. <see cref="Id"/> is derived from the normalized title
/// (<see cref="PaperId"/>), so the same paper gets the same id in every digest.
/// </summary>
/// <param name="SourceId">The input's own id field (JSONL/CSV), when it has one.</param>
/// <param name="Digest">The digest (file name without extension, or "stdin") it came from.</param>
/// <param name="Date">The digest's date, when the input gives one.</param>
/// <param name="Line">1-based line of the title in its file (for JSONL/CSV: the line where the record starts).</param>
public sealed record Paper(
    string Id,
    string Title,
    string Abstract,
    string Digest,
    DateOnly? Date,
    string? SourceId,
    long Line);
