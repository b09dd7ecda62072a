using TopicModel.DataPrep.Papers;

namespace TopicModel.Evaluation.Leakage;

/// <summary>An evaluation paper that also occurs in the training data, with the training paper it matches.</summary>
/// <param name="Jaccard">Shingle similarity of the two papers' title + abstract (1 for identical text).</param>
public sealed record LeakedPaper(Paper Paper, LeakageKind Kind, string TrainingId, string TrainingTitle, double Jaccard);
