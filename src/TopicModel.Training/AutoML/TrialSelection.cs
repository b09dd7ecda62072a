namespace TopicModel.Training.AutoML;

/// <summary>The names of how a search's trial to ship is picked (recipe key <c>automl.selection</c>).</summary>
public static class TrialSelection
{
    /// <summary>The top score.</summary>
    public const string Best = "best";

    /// <summary>
    /// The trial with the fewest rule parts (<see cref="Pipelines.PipelineOptions.RuleParts"/>) among those within one standard error
    /// of the top score (<see cref="ML.AutoML.OneStandardErrorRule"/>).
    /// </summary>
    public const string OneStandardError = "oneStandardError";

    public static readonly string[] All = [OneStandardError, Best];
}
