using TopicModel.DataPrep.Preparation;
using TopicModel.ML.AutoML;
using TopicModel.ML.Metrics;
using TopicModel.Training.Bundles;

namespace TopicModel.Training.Pipelines;

/// <param name="Dev">Out-of-fold metrics of the chosen pipeline, against reviewed labels where the training papers have them.</param>
/// <param name="RulesDev">The weak labeler (rules + label model) on the same papers and labels: the baseline to beat.</param>
/// <param name="ValidationRule">How <paramref name="Dev"/> was measured, in words; printed, never hidden.</param>
/// <param name="LeaderboardPaths">The leaderboard as CSV and JSON, beside the bundle.</param>
/// <param name="DevPredictionsPath">The chosen pipeline's out-of-fold predictions (<see cref="AutoML.DevPredictions"/>), beside the bundle.</param>
public sealed record TrainingResult(
    string BundlePath,
    ModelBundle Bundle,
    PreparedData Data,
    int TrainingPapers,
    int PoolPapers,
    MulticlassClassificationMetrics Dev,
    MulticlassClassificationMetrics? RulesDev,
    string ValidationRule,
    ExperimentResult Search,
    IReadOnlyList<string> LeaderboardPaths,
    string DevPredictionsPath,
    TimeSpan Elapsed)
{
    /// <summary>The chosen pipeline's cross-validation objective (mean over digests of macro-F1).</summary>
    public double CrossValidationScore { get; init; }

    /// <summary>The chosen pipeline's forward-chaining metrics (trained on earlier days, scored on later), or null.</summary>
    public MulticlassClassificationMetrics? Forward { get; init; }

    /// <summary>
    /// With distillation, the teacher's validation (the student's is <see cref="Dev"/>, <see cref="CrossValidationScore"/> and
    /// <see cref="Forward"/>, since the student is what the bundle scores with) and the student's search; else null.
    /// </summary>
    public TeacherSummary? Teacher { get; init; }
}

/// <summary>How the teacher of a distilled bundle validated, and the search that found its student.</summary>
public sealed record TeacherSummary(
    MulticlassClassificationMetrics Dev, double CrossValidationScore, MulticlassClassificationMetrics? Forward, ExperimentResult StudentSearch, string Rule);
