using TopicModel.DataPrep.Papers;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>Finds papers that share an id within a digest and across digests.</summary>
public static class DuplicateFinder
{
    public static DuplicateReport Find(IEnumerable<Paper> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var groups = new Dictionary<string, (string Title, List<PaperLocation> Where)>(StringComparer.Ordinal);
        var order = new List<string>();
        var total = 0;
        foreach (var paper in papers)
        {
            total++;
            if (!groups.TryGetValue(paper.Id, out var group))
            {
                group = (paper.Title, []);
                groups.Add(paper.Id, group);
                order.Add(paper.Id);
            }
            group.Where.Add(new PaperLocation(paper.Digest, paper.Line));
        }

        var within = new List<DuplicateGroup>();
        var cross = new List<DuplicateGroup>();
        foreach (var id in order)
        {
            var (title, where) = groups[id];
            if (where.Count < 2) continue;
            var group = new DuplicateGroup(id, title, where);
            var digests = where.Select(w => w.Digest).Distinct(StringComparer.Ordinal).Count();
            if (digests > 1) cross.Add(group);
            if (digests < where.Count) within.Add(group);
        }
        return new DuplicateReport(total, groups.Count, within, cross);
    }
}
