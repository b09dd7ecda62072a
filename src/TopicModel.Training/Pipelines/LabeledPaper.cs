using TopicModel.DataPrep.Papers;

namespace TopicModel.Training.Pipelines;

/// <summary>A training example: a paper, the index of its topic in the taxonomy, and whether a person reviewed that label (else the rules gave it).</summary>
public readonly record struct LabeledPaper(Paper Paper, int Topic, bool Reviewed = true);
