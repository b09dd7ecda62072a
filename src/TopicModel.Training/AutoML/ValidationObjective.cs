namespace TopicModel.Training.AutoML;

/// <summary>The names of what the AutoML search maximises (recipe key <c>automl.objective</c>).</summary>
public static class ValidationObjective
{
    /// <summary>Day-grouped cross-validation: the mean over digests of each digest's macro-F1.</summary>
    public const string CrossValidation = "crossValidation";

    /// <summary>Macro-F1 of forward-chaining folds: trained on earlier days, scored on later ones.</summary>
    public const string Forward = "forward";

    /// <summary>The mean of the two: a pipeline must do well on unseen days and on later days.</summary>
    public const string Mean = "mean";

    /// <summary>
    /// Macro-F1 of the latest forward-chaining fold alone: trained on every day before the last block, scored on it. Of
    /// the folds it is the one most like the shipped model's job (the most labeled papers, the next months to score);
    /// the earlier folds train on few papers, which flatters what helps only while labels are scarce (the rules).
    /// </summary>
    public const string LatestForward = "latestForward";

    public static readonly string[] All = [CrossValidation, Forward, Mean, LatestForward];
}
