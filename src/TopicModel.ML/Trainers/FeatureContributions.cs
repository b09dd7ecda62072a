using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>Ranking shared by every model's Explain.</summary>
internal static class FeatureContributions
{
    /// <summary>The argument checks every model's Explain makes, with one wording.</summary>
    public static void CheckArguments(SparseVector features, int classIndex, int top, int classCount, int featureCount)
    {
        if ((uint)classIndex >= (uint)classCount)
            throw new TopicModelException($"class {classIndex} is outside the model's {classCount} classes");
        if (top < 0)
            throw new TopicModelException($"cannot explain with the top {top} features");
        if (features.Dimension != featureCount)
            throw new TopicModelException($"example has {features.Dimension} features; the model expects {featureCount}");
    }

    /// <summary>weight·value for a linear class score, positive ones only (what raised it), strongest first.</summary>
    public static List<FeatureContribution> Linear(ReadOnlySpan<float> row, SparseVector features, int top)
    {
        var contributions = new List<FeatureContribution>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            var c = row[features.Indices[i]] * features.Values[i];
            if (c > 0f) contributions.Add(new FeatureContribution(features.Indices[i], c));
        }
        return Strongest(contributions, top);
    }

    /// <summary>
    /// Path attribution (Saabas) summed over <paramref name="trees"/>: how much each feature moved the score along
    /// the paths the example took. Only features present in the example are named (a split on an absent feature
    /// is the absence of a word, not something to show), positive ones only, strongest first.
    /// </summary>
    public static List<FeatureContribution> Paths(IEnumerable<RegressionTree> trees, SparseVector features, int top)
    {
        var sums = new Dictionary<int, float>();
        foreach (var tree in trees) tree.AddContributions(features, sums);
        var contributions = new List<FeatureContribution>();
        foreach (var (f, c) in sums)
        {
            if (c > 0f && Array.BinarySearch(features.Indices, f) >= 0) contributions.Add(new FeatureContribution(f, c));
        }
        return Strongest(contributions, top);
    }

    /// <summary>Sorts strongest first, ties broken by feature index so explanations are stable across runs, and keeps <paramref name="top"/>.</summary>
    public static List<FeatureContribution> Strongest(List<FeatureContribution> contributions, int top)
    {
        contributions.Sort((a, b) => b.Contribution != a.Contribution ? b.Contribution.CompareTo(a.Contribution) : a.Feature.CompareTo(b.Feature));
        return contributions.Count > top ? contributions.GetRange(0, top) : contributions;
    }
}
