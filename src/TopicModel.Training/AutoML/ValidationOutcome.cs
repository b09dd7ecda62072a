using TopicModel.ML.Metrics;

namespace TopicModel.Training.AutoML;

/// <summary>What cross-validating one pipeline gave.</summary>
/// <param name="OutOfFold">Probabilities for every labeled paper from the fold that did not train on it.</param>
/// <param name="Dev">Pooled metrics over the scored (reviewed) papers.</param>
/// <param name="Score">The search objective, as <see cref="PipelineValidation.Rule"/> states it.</param>
/// <param name="MacroF1ByDigest">Macro-F1 of each digest large enough to be scored on its own.</param>
/// <param name="FoldScores">Pooled macro-F1 per fold, for the spread.</param>
public sealed record ValidationOutcome(
    float[][] OutOfFold,
    MulticlassClassificationMetrics Dev,
    double Score,
    IReadOnlyDictionary<string, double> MacroF1ByDigest,
    double[] FoldScores)
{
    /// <summary>The cross-validation objective alone (equal to <see cref="Score"/> when that is the objective).</summary>
    public double CrossValidationScore { get; init; } = Score;

    /// <summary>
    /// The standard error of <see cref="Score"/> when it is not the mean of <see cref="FoldScores"/> (a forward objective:
    /// a bootstrap of the scored days), else null.
    /// </summary>
    public double? StandardError { get; init; }

    /// <summary>Pooled metrics of the forward-chaining folds' predictions, or null when there are none.</summary>
    public MulticlassClassificationMetrics? Forward { get; init; }

    /// <summary>
    /// Metrics of each forward-chaining fold on its own, earliest first (empty without forward folds): whether a
    /// pipeline holds up as the folds train on more papers and score later ones.
    /// </summary>
    public IReadOnlyList<MulticlassClassificationMetrics> ForwardFolds { get; init; } = [];

    /// <summary>Each fold model's probabilities for the unlabeled pool papers, when asked for (a teacher's), else null.</summary>
    public FoldPoolPredictions? PoolPredictions { get; init; }
}

/// <summary>
/// A pipeline's probabilities for every unlabeled pool paper from each validation fold's model:
/// <see cref="CrossValidation"/>[k] from cross-validation fold k, <see cref="Forward"/>[k − 1] from forward fold k.
/// </summary>
public sealed record FoldPoolPredictions(float[][][] CrossValidation, float[][][] Forward);
