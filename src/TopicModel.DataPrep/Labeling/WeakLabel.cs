namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// A label model's output for one paper.
/// </summary>
/// <param name="Topic">The most probable topic id.</param>
/// <param name="Probabilities">One probability per taxonomy topic, in taxonomy order; sums to 1.</param>
/// <param name="FiredFunctions">Names of the functions that voted on the paper.</param>
public sealed record WeakLabel(string Topic, float[] Probabilities, IReadOnlyList<string> FiredFunctions);
