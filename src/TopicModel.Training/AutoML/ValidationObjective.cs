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

    public static readonly string[] All = [CrossValidation, Forward, Mean];
}
