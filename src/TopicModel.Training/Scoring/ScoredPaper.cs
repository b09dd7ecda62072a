namespace TopicModel.Training.Scoring;

/// <summary>
/// One scored input record. Field names are a stable contract (other tools read them):
/// id, title, digest, topic, probability, top, topics, and topicMixture when the bundle has a topic model.
/// </summary>
/// <param name="Id">The input's own id when it has one, otherwise the paper id.</param>
/// <param name="Top">The best topics, most probable first (3 by default).</param>
/// <param name="Topics">The paper's topics: the primary, then every topic over its threshold (the bundle's
/// <c>topicThresholds</c>, tuned on validation), most probable first; the primary alone when the model has none.</param>
/// <param name="TopicMixture">The paper's LDA topic mixture (index = LDA topic id, sums to 1) by fold-in inference;
/// null when the bundle has no topic model or scoring was asked to skip it.</param>
public sealed record ScoredPaper(string Id, string Title, string Digest, string Topic, float Probability, IReadOnlyList<TopicProbability> Top,
    IReadOnlyList<float>? TopicMixture = null)
{
    public IReadOnlyList<string> Topics { get; init; } = [Topic];
}
