using System.Text.Json.Nodes;

namespace TopicModel.Training.Recipes;

/// <summary>
/// Distillation (recipe key <c>distillation</c>): when the search's winner reads sentence vectors (the teacher), a
/// second search fits a lexical student on the reviewed labels plus every unlabeled pool paper labeled with the
/// teacher's probabilities, on the same folds; the bundle ships both and scores with the student unless asked for
/// the teacher. <paramref name="SearchSpace"/> and <paramref name="InitialConfigurations"/> shape the student's search
/// as <c>automl</c>'s shape the teacher's (its encoder is always none); <paramref name="MaxTrials"/> bounds it.
/// Pool papers contribute one weighted example per topic the teacher gives at least <paramref name="MinProbability"/>.
/// </summary>
public sealed record DistillationSection(bool Enabled, int MaxTrials, JsonObject? SearchSpace, JsonArray? InitialConfigurations, double MinProbability)
{
    public const string SoftTargets = "soft";
    public const string HardTargets = "hard";

    /// <summary>"soft": the teacher's probabilities; "hard": its most probable topic only (a pseudo-label per pool paper).</summary>
    public string Targets { get; init; } = SoftTargets;

    public static DistillationSection Disabled { get; } = new(false, 4, null, null, 0.02);
}
