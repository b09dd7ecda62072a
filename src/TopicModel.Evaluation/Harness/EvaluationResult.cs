using TopicModel.DataPrep.Taxonomies;
using TopicModel.Evaluation.Leakage;
using TopicModel.ML.Metrics;

namespace TopicModel.Evaluation.Harness;

/// <summary>
/// One model's evaluation on one set of labeled papers: ML.NET-named metrics with bootstrap intervals,
/// confusion matrix and calibration (inside <see cref="Metrics"/>), the errors with their explanations,
/// the leakage check, and the label distribution of training vs evaluation papers.
/// </summary>
/// <param name="Predictions">Per-paper predictions, kept for paired comparisons of two models.</param>
/// <param name="TrainingLabelCounts">Training papers per topic (taxonomy order).</param>
/// <param name="EvaluationLabelCounts">Evaluated papers per topic (taxonomy order).</param>
public sealed record EvaluationResult(
    string ModelName,
    Taxonomy Taxonomy,
    IReadOnlyList<string> PaperIds,
    LabelCounts Labels,
    MulticlassClassificationMetrics Metrics,
    MulticlassMetricIntervals Intervals,
    IReadOnlyList<MisclassifiedPaper> Misclassified,
    LeakageReport Leakage,
    IReadOnlyList<int> TrainingLabelCounts,
    IReadOnlyList<int> EvaluationLabelCounts,
    MulticlassPredictions Predictions)
{
    public int PaperCount => PaperIds.Count;

    /// <summary>Several topics per paper against primary + secondary labels; null when no evaluated paper is reviewed.</summary>
    public MultiLabelEvaluation? MultiLabel { get; init; }
}
