namespace TopicModel.Training.Recipes;

/// <summary>
/// Inputs: digests/JSONL/CSV files to train on, held-out files for evaluation (split by digest, never by paper),
/// unlabeled files (used for weak labels and LDA), and reviewed-label files or folders.
/// <see cref="Forward"/> files are a second test set from a later period than the training data: evaluated
/// beside the held-out digests, never trained on and never used to choose a pipeline.
/// </summary>
/// <param name="DigestYear">Year for digest date lines that have none ("Mar 14"); null leaves such digests undated, with a warning.</param>
public sealed record DataSection(
    IReadOnlyList<string> Train,
    IReadOnlyList<string> HeldOut,
    IReadOnlyList<string> Unlabeled,
    IReadOnlyList<string> ReviewedLabels,
    string PreparedDirectory,
    int? DigestYear = null)
{
    public IReadOnlyList<string> Forward { get; init; } = [];
}
