using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;

namespace TopicModel.Evaluation.Harness;

/// <summary>A paper with the label it is scored against, and where that label came from.</summary>
/// <param name="Secondary">Other topics a reviewer said the paper also fits; empty for weak labels.</param>
public sealed record EvaluationPaper(Paper Paper, string Topic, IReadOnlyList<string> Secondary, LabelSource Source);
