using TopicModel.DataPrep.Papers;

namespace TopicModel.Training.Pipelines;

/// <summary>A training example: a paper and the index of its topic in the taxonomy.</summary>
public readonly record struct LabeledPaper(Paper Paper, int Topic);
