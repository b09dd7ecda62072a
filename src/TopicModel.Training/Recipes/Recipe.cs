namespace TopicModel.Training.Recipes;

/// <summary>
/// The whole training recipe (train.json): what data, which taxonomy, how to label, how to search for the
/// best pipeline, where outputs go, and the seed. Paths are absolute, resolved against the recipe file's folder.
/// </summary>
public sealed record Recipe(
    string Name,
    int Seed,
    string TaxonomyPath,
    DataSection Data,
    LabelingSection Labeling,
    AutoMLSection AutoML,
    OutputSection Output,
    string SourcePath,
    string SourceJson)
{
    public const int FormatVersion = 1;

    /// <summary>The optional topic model; off unless the recipe has an enabled <c>lda</c> section.</summary>
    public LdaSection Lda { get; init; } = LdaSection.Disabled;

    /// <summary>The optional teacher-to-student distillation; off unless the recipe has an enabled <c>distillation</c> section.</summary>
    public DistillationSection Distillation { get; init; } = DistillationSection.Disabled;
}
