namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// A label model's output on the analyzed papers and, where reviewed labels exist, its agreement with them.
/// </summary>
/// <param name="Labeled">Papers that got a label (covered ones plus fallback ones).</param>
/// <param name="Distribution">Labels per topic in taxonomy order.</param>
/// <param name="Functions">The model's own estimate of each function.</param>
/// <param name="Compared">Papers with both a label from the model and a reviewed label.</param>
/// <param name="Accuracy">Share of compared papers whose label equals the reviewed topic; null if none compared.</param>
/// <param name="MacroF1">F1 averaged over topics present in the reviewed or predicted labels of compared papers.</param>
public sealed record LabelModelSummary(
    string Model,
    int Labeled,
    IReadOnlyList<TopicCount> Distribution,
    IReadOnlyList<LabelingFunctionEstimate> Functions,
    int Compared,
    double? Accuracy,
    double? MacroF1);
