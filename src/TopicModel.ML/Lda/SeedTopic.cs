namespace TopicModel.ML.Lda;

/// <summary>
/// A guided topic: topic <paramref name="TopicId"/> is pulled towards <paramref name="Words"/> (folded single
/// tokens, e.g. a taxonomy topic's keywords), so the fitted topic keeps the link to <paramref name="Label"/>.
/// </summary>
public sealed record SeedTopic(int TopicId, string Label, IReadOnlyList<string> Words);
