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
    long Line)
{
    // Null until first read for a paper made by FromInput: the id is a SHA-256 of the canonical title, ~2% of a scoring
    // job's CPU, and scoring an input with its own ids never reads it (docs/benchmarks.md, issue 21 fifth round).
    private string? _id = Id;

    public string Id
    {
        // Two threads may both compute it: the same string either way.
        get => _id ??= PaperId.FromTitle(Title);
        init => _id = value ?? throw new ArgumentNullException(nameof(Id));
    }

    /// <summary>A paper read from an input: its <see cref="Id"/> is <see cref="PaperId.FromTitle"/> of its title, computed when first read.</summary>
    public static Paper FromInput(string title, string @abstract, string digest, DateOnly? date, string? sourceId, long line) =>
        new(null!, title, @abstract, digest, date, sourceId, line);

    // Written out so that a paper whose id is not computed yet equals one whose id is (the synthesized members compare
    // the backing field). Every positional member takes part: keep these in step with the parameter list.
    public bool Equals(Paper? other) =>
        other is not null && (ReferenceEquals(this, other) || Id == other.Id && Title == other.Title && Abstract == other.Abstract
            && Digest == other.Digest && Date == other.Date && SourceId == other.SourceId && Line == other.Line);

    public override int GetHashCode() => HashCode.Combine(Id, Title, Abstract, Digest, Date, SourceId, Line);
}
