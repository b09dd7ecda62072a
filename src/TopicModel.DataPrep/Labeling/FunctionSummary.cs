namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// One row of the labeling-function analysis (Snorkel's LFAnalysis). Fractions are of all papers.
/// </summary>
/// <param name="Polarity">Topics the function voted for on this data.</param>
/// <param name="Votes">Papers the function voted on.</param>
/// <param name="Coverage">Votes / papers.</param>
/// <param name="Overlaps">Share of papers where it and at least one other function voted.</param>
/// <param name="Conflicts">Share of papers where another function voted a different topic.</param>
/// <param name="Correct">Votes that match a reviewed label (null without reviewed labels).</param>
/// <param name="Incorrect">Votes that contradict a reviewed label.</param>
/// <param name="EmpiricalAccuracy">Correct / (Correct + Incorrect); null when no reviewed paper was voted on.</param>
public sealed record FunctionSummary(
    string Function,
    IReadOnlyList<string> Polarity,
    int Votes,
    double Coverage,
    double Overlaps,
    double Conflicts,
    int? Correct,
    int? Incorrect,
    double? EmpiricalAccuracy);
