using TopicModel.ML.MultiLabel;

namespace TopicModel.Evaluation.Harness;

/// <summary>
/// The predicted topic sets (primary first) of the reviewed evaluation papers scored against their primary + secondary
/// topics: example-based precision, recall and F1 and the primary-or-secondary hit rate, with intervals.
/// </summary>
/// <param name="Predicted">Per reviewed paper, in evaluation order, the predicted topics (taxonomy indices).</param>
/// <param name="Tuned">False when the model has no thresholds (older bundles, the rules): sets are the primary topic alone.</param>
public sealed record MultiLabelEvaluation(ExampleBasedIntervals Metrics, IReadOnlyList<int[]> Predicted, int Papers, bool Tuned);
