using System.Text.Json.Nodes;

namespace TopicModel.Training.Recipes;

/// <summary>
/// How the AutoML search runs: its budget (<paramref name="TimeBudgetSeconds"/> and/or
/// <paramref name="MaxTrials"/>; a trial limit alone makes a run reproducible), the tuner
/// ("costFrugal", "random" or "grid" with <paramref name="GridSteps"/> values per numeric dimension),
/// the number of cross-validation folds, overrides of the declared search space, and configurations
/// the cost-frugal tuner tries first (<paramref name="InitialConfigurations"/>, e.g. an earlier search's best).
/// </summary>
public sealed record AutoMLSection(
    double? TimeBudgetSeconds,
    int? MaxTrials,
    string Tuner,
    int GridSteps,
    int Folds,
    JsonObject? SearchSpace,
    JsonArray? InitialConfigurations = null)
{
    /// <summary>What the search maximises: "crossValidation", "forward", "mean" or "latestForward" (<see cref="AutoML.ValidationObjective"/>).</summary>
    public string Objective { get; init; } = AutoML.ValidationObjective.Mean;

    /// <summary>How the trial to ship is picked: "oneStandardError" or "best" (<see cref="AutoML.TrialSelection"/>).</summary>
    public string Selection { get; init; } = AutoML.TrialSelection.OneStandardError;

    /// <summary>Forward-chaining folds over the dated reviewed papers (0: none, no forward score).</summary>
    public int ForwardFolds { get; init; } = 3;

    public static AutoMLSection Default { get; } = new(60, null, "costFrugal", 3, 5, null);
}
