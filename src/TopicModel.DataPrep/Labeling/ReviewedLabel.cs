namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// A label a person checked (a line of a JSONL file in data/labels/).
/// </summary>
/// <param name="Id">The paper id; always <c>PaperId.FromTitle(Title)</c>.</param>
/// <param name="Topic">The primary topic id.</param>
/// <param name="Secondary">Other topics the paper also fits, never including <see cref="Topic"/>.</param>
/// <param name="Digest">The digest the paper was reviewed in, when known.</param>
public sealed record ReviewedLabel(string Id, string Title, string Topic, IReadOnlyList<string> Secondary, string? Digest);
