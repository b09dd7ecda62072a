using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;

namespace TopicModel.DataPrep.Tests.Ingestion;

public sealed class DuplicateFinderTests
{
    private static Paper At(string title, string digest, long line) =>
        new(PaperId.FromTitle(title), title, "An abstract.", digest, null, null, line);

    [Fact]
    public void A_paper_repeated_inside_a_digest_and_across_digests_is_in_both_lists_once()
    {
        Paper[] papers =
        [
            At("Deep Residual Learning", "a", 1),
            At("Unique Paper", "a", 3),
            At("deep residual learning!", "a", 5),
            At("Deep Residual Learning", "b", 2),
            At("Only Across", "a", 7),
            At("Only Across", "b", 9),
        ];

        var report = DuplicateFinder.Find(papers);

        Assert.Equal(6, report.TotalPapers);
        Assert.Equal(3, report.DistinctPapers);
        Assert.Equal(3, report.ExtraCopies);
        var within = Assert.Single(report.WithinDigest);
        Assert.Equal("Deep Residual Learning", within.Title);
        Assert.Equal([new PaperLocation("a", 1), new PaperLocation("a", 5), new PaperLocation("b", 2)], within.Occurrences);
        Assert.Equal(["Deep Residual Learning", "Only Across"], report.CrossDigest.Select(g => g.Title));
        Assert.Equal(["a", "b"], report.CrossDigest[1].Digests);
    }

    [Fact]
    public void Distinct_papers_have_no_duplicates()
    {
        var report = DuplicateFinder.Find([At("One", "a", 1), At("Two", "a", 3), At("Three", "b", 1)]);

        Assert.True(report.IsEmpty);
        Assert.Equal(0, report.ExtraCopies);
    }
}
