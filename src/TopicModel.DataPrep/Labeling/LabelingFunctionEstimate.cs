namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// A label model's view of one function, learned without gold labels.
/// </summary>
/// <param name="Accuracy">Estimated probability that the function's vote is the true class, given it votes.</param>
/// <param name="Propensity">Estimated probability that the function votes at all.</param>
public sealed record LabelingFunctionEstimate(string Function, double Accuracy, double Propensity);
