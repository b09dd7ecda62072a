using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;

namespace TopicModel.DataPrep.Labeling;

/// <summary>Reviewed labels override weak labels paper by paper.</summary>
public static class LabelMerger
{
    /// <summary>
    /// One merged label per paper id (null when the paper has neither kind). Reviewed labels of papers
    /// outside <paramref name="paperIds"/> are ignored: they belong to other digests. A paper reviewed
    /// in several digests must have the same topic in each.
    /// </summary>
    public static IReadOnlyList<MergedLabel?> Merge(
        IReadOnlyList<string> paperIds, IReadOnlyList<WeakLabel?> weak, IReadOnlyList<ReviewedLabel> reviewed, Taxonomy taxonomy)
    {
        if (paperIds.Count != weak.Count)
            throw new TopicModelException($"{paperIds.Count} papers but {weak.Count} weak labels");
        var byId = new Dictionary<string, ReviewedLabel>(StringComparer.Ordinal);
        foreach (var r in reviewed)
        {
            if (!byId.TryAdd(r.Id, r) && byId[r.Id].Topic != r.Topic)
                throw new TopicModelException($"paper '{r.Id}' has conflicting reviewed labels '{byId[r.Id].Topic}' and '{r.Topic}'");
        }
        var merged = new MergedLabel?[paperIds.Count];
        for (var i = 0; i < merged.Length; i++)
        {
            var w = weak[i];
            if (byId.TryGetValue(paperIds[i], out var r))
            {
                var index = taxonomy.IndexOf(r.Topic);
                if (index < 0)
                    throw new TopicModelException($"reviewed label of paper '{r.Id}' has topic '{r.Topic}', which is not in taxonomy '{taxonomy.Name}'");
                var p = new float[taxonomy.Topics.Count];
                p[index] = 1f;
                merged[i] = new MergedLabel(paperIds[i], r.Topic, p, LabelSource.Reviewed, w?.FiredFunctions ?? []);
            }
            else if (w is not null)
            {
                merged[i] = new MergedLabel(paperIds[i], w.Topic, w.Probabilities, LabelSource.Weak, w.FiredFunctions);
            }
        }
        return merged;
    }
}
