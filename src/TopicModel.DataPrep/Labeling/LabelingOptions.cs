using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;

namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// How keyword labeling functions are built from a taxonomy.
/// </summary>
/// <param name="TitleWeight">Weight of a title function's vote relative to an abstract function's (1.0):
/// a keyword in the title says more about the paper than one in passing in the abstract.</param>
/// <param name="MinKeywordHits">A function votes only when at least this many of its keywords occur in its field.</param>
/// <param name="FallbackTopic">Topic for papers on which every function abstains; null leaves them unlabeled.</param>
public sealed record LabelingOptions(
    double TitleWeight = 2.0,
    int MinKeywordHits = 1,
    string? FallbackTopic = Taxonomy.OtherId)
{
    /// <summary>Checks the options against the taxonomy they will be used with.</summary>
    public void Validate(Taxonomy taxonomy)
    {
        if (!double.IsFinite(TitleWeight) || TitleWeight <= 0)
            throw new TopicModelException($"labeling option TitleWeight must be a positive number, got {TitleWeight}");
        if (MinKeywordHits < 1)
            throw new TopicModelException($"labeling option MinKeywordHits must be at least 1, got {MinKeywordHits}");
        if (FallbackTopic is not null && !taxonomy.Contains(FallbackTopic))
            throw new TopicModelException(
                $"labeling option FallbackTopic '{FallbackTopic}' is not a topic of taxonomy '{taxonomy.Name}' (topics: {string.Join(", ", taxonomy.Ids)})");
    }
}
