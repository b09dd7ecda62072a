namespace TopicModel.ML.Lda;

/// <summary>
/// Summary of one fitted topic: its top terms by probability, its size (training tokens assigned to it) and,
/// for a seeded topic, the label it was seeded with (e.g. a taxonomy id).
/// </summary>
public sealed record LdaTopic(int Id, string? SeedLabel, long Size, double Share, IReadOnlyList<TermWeight> TopTerms);
