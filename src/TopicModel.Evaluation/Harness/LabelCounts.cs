namespace TopicModel.Evaluation.Harness;

/// <summary>How many evaluated papers were scored against reviewed labels and how many against weak ones.</summary>
public sealed record LabelCounts(int Reviewed, int Weak)
{
    public int Total => Reviewed + Weak;

    /// <summary>One line for reports, e.g. "reviewed labels for 93 papers, weak labels for 0".</summary>
    public string Describe() => (Reviewed, Weak) switch
    {
        (_, 0) => $"reviewed labels for all {Reviewed} papers",
        (0, _) => $"weak labels for all {Weak} papers (no reviewed labels: this measures agreement with the rules)",
        _ => $"reviewed labels for {Reviewed} papers, weak labels for the other {Weak}",
    };
}
