namespace TopicModel.Training.Scoring;

/// <summary>
/// One scored input record. Field names are a stable contract (other tools read them):
/// id, title, digest, topic, probability, top.
/// </summary>
/// <param name="Id">The input's own id when it has one, otherwise the paper id.</param>
/// <param name="Top">The best topics, most probable first (3 by default).</param>
public sealed record ScoredPaper(string Id, string Title, string Digest, string Topic, float Probability, IReadOnlyList<TopicProbability> Top);
