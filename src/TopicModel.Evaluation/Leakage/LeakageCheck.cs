using TopicModel.DataPrep.Papers;

namespace TopicModel.Evaluation.Leakage;

/// <summary>
/// Finds evaluation papers that also occur in the training data: by paper id first, then by word-shingle
/// Jaccard over an inverted index, so the cost grows with shared shingles rather than with all pairs.
/// </summary>
public static class LeakageCheck
{
    public static IReadOnlyList<LeakedPaper> Find(IReadOnlyList<Paper> evaluation, IReadOnlyList<Paper> training, LeakageOptions options)
    {
        options.Validate();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < training.Count; t++) byId.TryAdd(training[t].Id, t);
        var shingles = training.Select(p => WordShingles.Of(Text(p), options.ShingleSize)).ToArray();
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < shingles.Length; t++)
        {
            foreach (var s in shingles[t])
            {
                if (!index.TryGetValue(s, out var list)) index[s] = list = [];
                list.Add(t);
            }
        }

        var leaked = new List<LeakedPaper>();
        foreach (var paper in evaluation)
        {
            var own = WordShingles.Of(Text(paper), options.ShingleSize);
            var (best, jaccard) = MostSimilar(own, shingles, index);
            if (byId.TryGetValue(paper.Id, out var same))
            {
                var sameJaccard = WordShingles.Jaccard(own.Count(shingles[same].Contains), own.Count, shingles[same].Count);
                leaked.Add(new LeakedPaper(paper, LeakageKind.SameTitle, paper.Id, training[same].Title, sameJaccard));
            }
            else if (best >= 0 && jaccard >= options.JaccardThreshold)
            {
                leaked.Add(new LeakedPaper(paper, LeakageKind.NearDuplicate, training[best].Id, training[best].Title, jaccard));
            }
        }
        return leaked;
    }

    private static string Text(Paper p) => p.Title + " " + p.Abstract;

    private static (int Best, double Jaccard) MostSimilar(HashSet<string> own, HashSet<string>[] shingles, Dictionary<string, List<int>> index)
    {
        var shared = new Dictionary<int, int>();
        foreach (var s in own)
            if (index.TryGetValue(s, out var list))
                foreach (var t in list) shared[t] = shared.GetValueOrDefault(t) + 1;
        var (best, jaccard) = (-1, 0.0);
        // Ascending training order on ties, so the match reported is the same on every run.
        foreach (var (t, n) in shared.OrderBy(kv => kv.Key))
        {
            var j = WordShingles.Jaccard(n, own.Count, shingles[t].Count);
            if (j > jaccard) (best, jaccard) = (t, j);
        }
        return (best, jaccard);
    }
}
