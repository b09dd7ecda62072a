using TopicModel.ML.Lda;

namespace TopicModel.Training.Recipes;

/// <summary>
/// The recipe's <c>lda</c> section: whether to fit a topic model beside the classifier, its options, and
/// whether the taxonomy's keywords seed topics 0..n-1 (so topic i keeps taxonomy topic i's id).
/// </summary>
public sealed record LdaSection(bool Enabled, LatentDirichletAllocationOptions Options, bool SeedFromTaxonomy)
{
    public static LdaSection Disabled { get; } = new(false, new LatentDirichletAllocationOptions(), true);
}
