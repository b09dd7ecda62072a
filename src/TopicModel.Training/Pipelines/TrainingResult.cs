using TopicModel.DataPrep.Preparation;
using TopicModel.ML.Metrics;
using TopicModel.Training.Bundles;

namespace TopicModel.Training.Pipelines;

/// <param name="Dev">Out-of-fold metrics, against reviewed labels where the training papers have them.</param>
/// <param name="ValidationRule">How <paramref name="Dev"/> was measured, in words; printed, never hidden.</param>
public sealed record TrainingResult(
    string BundlePath,
    ModelBundle Bundle,
    PreparedData Data,
    int TrainingPapers,
    MulticlassClassificationMetrics Dev,
    string ValidationRule,
    TimeSpan Elapsed);
