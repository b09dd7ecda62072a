using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Taxonomies;

namespace TopicModel.DataPrep.Preparation;

/// <summary>
/// The result of data preparation. <see cref="Papers"/> keeps every occurrence (a paper in two digests
/// appears twice, once per digest); <see cref="Duplicates"/> says which those are.
/// </summary>
/// <param name="Rejects">Records that could not be read, with file, line and reason.</param>
/// <param name="Reviewed">All reviewed labels that were read.</param>
public sealed record PreparedData(
    Taxonomy Taxonomy,
    IReadOnlyList<PreparedPaper> Papers,
    DuplicateReport Duplicates,
    LabelingReport Analysis,
    IFittedLabelModel LabelModel,
    IReadOnlyList<ReviewedLabel> Reviewed,
    IReadOnlyList<RejectedRecord> Rejects,
    IReadOnlyList<ReaderWarning> Warnings)
{
    public IEnumerable<PreparedPaper> InSplit(Split split) => Papers.Where(p => p.Split == split);
}
