namespace TopicModel.ML.Trainers;

/// <summary>Ranking shared by every model's Explain.</summary>
internal static class FeatureContributions
{
    /// <summary>Sorts strongest first, ties broken by feature index so explanations are stable across runs, and keeps <paramref name="top"/>.</summary>
    public static List<FeatureContribution> Strongest(List<FeatureContribution> contributions, int top)
    {
        contributions.Sort((a, b) => b.Contribution != a.Contribution ? b.Contribution.CompareTo(a.Contribution) : a.Feature.CompareTo(b.Feature));
        return contributions.Count > top ? contributions.GetRange(0, top) : contributions;
    }
}
