namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// The label a paper trains with: a reviewed label when a person checked it, else the weak one.
/// </summary>
/// <param name="Probabilities">Per taxonomy topic, summing to 1; one-hot for reviewed labels.</param>
/// <param name="FiredFunctions">Functions that voted on the paper, kept for reviewed labels too so disagreements can be inspected.</param>
public sealed record MergedLabel(string PaperId, string Topic, float[] Probabilities, LabelSource Source, IReadOnlyList<string> FiredFunctions);
