namespace TopicModel.ML.Trainers;

/// <summary>Options of <see cref="OneVersusAll"/>.</summary>
public sealed record OneVersusAllOptions
{
    /// <summary>The binary learner fitted once per class (class against all others), with its own options and seed.</summary>
    public IBinaryLearner BinaryLearner { get; init; } = new LinearSvm();

    /// <summary>
    /// Turn each class's score into a probability with Platt scaling before normalizing. Off, the
    /// probabilities are the normalized σ(score), which for margin-based learners is badly calibrated.
    /// </summary>
    public bool Calibrate { get; init; } = true;

    /// <summary>
    /// Platt scaling is fitted on out-of-fold scores from this many folds: scores of the examples a model was
    /// trained on are over-confident. 1 fits it on the training scores instead (one fit per class instead of
    /// folds + 1).
    /// </summary>
    public int CalibrationFolds { get; init; } = 5;

    /// <summary>
    /// One Platt fit over every class's scores instead of one per class. Per-class fits give each class its own
    /// slope and offset, which can reorder the classes: the most probable class is then not always the one with the
    /// highest score, and with fits on training scores (<see cref="CalibrationFolds"/> 1), where every class looks
    /// separable, that costs accuracy on new papers. A shared fit keeps the scores' order.
    /// </summary>
    public bool SharedCalibration { get; init; }

    /// <summary>Seeds the assignment of examples to calibration folds.</summary>
    public int Seed { get; init; }
}
