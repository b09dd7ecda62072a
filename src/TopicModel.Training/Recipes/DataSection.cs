namespace TopicModel.Training.Recipes;

/// <summary>
/// Inputs: digests/JSONL/CSV files to train on, held-out files for evaluation (split by digest, never by paper),
/// unlabeled files (used for weak labels and LDA), and reviewed-label files or folders.
/// </summary>
public sealed record DataSection(
    IReadOnlyList<string> Train,
    IReadOnlyList<string> HeldOut,
    IReadOnlyList<string> Unlabeled,
    IReadOnlyList<string> ReviewedLabels,
    string PreparedDirectory);
