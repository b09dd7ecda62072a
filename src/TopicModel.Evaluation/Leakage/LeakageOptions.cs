using TopicModel.ML;

namespace TopicModel.Evaluation.Leakage;

/// <summary>
/// How evaluation papers that also occur in the training data are found: same paper id (normalized
/// title), or near-duplicates whose word <see cref="ShingleSize"/>-shingles of title + abstract have a
/// Jaccard similarity of at least <see cref="JaccardThreshold"/>.
/// </summary>
public sealed record LeakageOptions
{
    public int ShingleSize { get; init; } = 5;

    public double JaccardThreshold { get; init; } = 0.5;

    internal void Validate()
    {
        if (ShingleSize < 1) throw new TopicModelException($"leakage ShingleSize must be at least 1, got {ShingleSize}");
        if (!(JaccardThreshold > 0 && JaccardThreshold <= 1))
            throw new TopicModelException($"leakage JaccardThreshold must be in (0, 1], got {JaccardThreshold}");
    }
}
