namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// Everything the analysis measured; pure data, rendered by the CLI.
/// </summary>
/// <param name="Coverage">Share of papers with at least one vote.</param>
/// <param name="AbstainRate">Share of papers on which every function abstained (1 - Coverage).</param>
/// <param name="ReviewedPapers">Analyzed papers that have a reviewed label.</param>
/// <param name="FunctionConflicts">Per function pair, share of papers where both voted and disagreed.</param>
/// <param name="TopicCoVotes">Per topic pair, papers that received votes for both topics (diagonal: papers with any vote for the topic).</param>
public sealed record LabelingReport(
    int Papers,
    int CoveredPapers,
    double Coverage,
    double AbstainRate,
    int ReviewedPapers,
    IReadOnlyList<FunctionSummary> Functions,
    PairwiseMatrix FunctionConflicts,
    PairwiseMatrix TopicCoVotes,
    IReadOnlyList<LabelModelSummary> Models);
