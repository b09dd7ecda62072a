using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;

namespace TopicModel.DataPrep.Preparation;

/// <summary>
/// A paper with everything data preparation learned about it: its split, the weak label from the
/// rules, the reviewed label when a person checked it, and the label it trains or is evaluated with.
/// </summary>
public sealed record PreparedPaper(Paper Paper, Split Split, MergedLabel Label, WeakLabel? Weak, ReviewedLabel? Reviewed);
