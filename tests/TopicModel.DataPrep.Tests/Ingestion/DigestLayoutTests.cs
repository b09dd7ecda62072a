using System.Text;
using TopicModel.DataPrep.Ingestion;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Ingestion;

/// <summary>
/// The seed digests rewritten into each other's layout, and with papers damaged, must give the same
/// papers: the reader relies on structure and features, not on one file's exact shape.
/// </summary>
public sealed class DigestLayoutTests
{
    private static List<string> NonBlank(string path) => File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();

    private static ReadResult Parse(IEnumerable<string> lines) =>
        Collect(PaperReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")), "test.txt", "test"));

    private static ReadResult Collect(IEnumerable<ReadItem> items)
    {
        var list = items.ToList();
        return new ReadResult(
            list.Where(i => i.Paper is not null).Select(i => i.Paper!).ToList(),
            list.Where(i => i.Rejected is not null).Select(i => i.Rejected!).ToList(),
            list.Where(i => i.Warning is not null).Select(i => i.Warning!).ToList());
    }

    [Fact]
    public void Training_digest_with_blank_lines_between_everything_gives_the_same_papers()
    {
        var expected = PaperReader.ReadFile(RepoPaths.TrainingDigest).Papers;

        var spaced = NonBlank(RepoPaths.TrainingDigest).SelectMany(l => new[] { l, "" });
        var actual = Parse(spaced).Papers;

        Assert.Equal(expected.Select(p => (p.Title, p.Abstract)), actual.Select(p => (p.Title, p.Abstract)));
        Assert.Equal(expected.Select(p => 2 * p.Line - 1), actual.Select(p => p.Line));
    }

    [Fact]
    public void Held_out_digest_without_blank_lines_gives_the_same_papers()
    {
        var expected = PaperReader.ReadFile(RepoPaths.HeldOutDigest).Papers;

        var actual = Parse(NonBlank(RepoPaths.HeldOutDigest)).Papers;

        Assert.Equal(expected.Select(p => (p.Title, p.Abstract)), actual.Select(p => (p.Title, p.Abstract)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(57)]
    [InlineData(111)]
    public void A_deleted_abstract_loses_exactly_that_paper_and_reports_its_title_line(int victim)
    {
        var lines = NonBlank(RepoPaths.HeldOutDigest);
        var full = Parse(lines).Papers;
        var headerLines = lines.Count - 2 * full.Count;
        var abstractIndex = headerLines + 2 * victim + 1;
        lines.RemoveAt(abstractIndex);

        var result = Parse(lines);

        Assert.Equal(full.Where((_, i) => i != victim).Select(p => p.Title), result.Papers.Select(p => p.Title));
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(abstractIndex, reject.Line); // the title sits just before the removed line (1-based = index)
        Assert.Equal(full[victim].Title, reject.Raw);
    }

    [Fact]
    public void A_deleted_title_loses_exactly_that_paper_and_reports_the_orphan_abstract()
    {
        var lines = NonBlank(RepoPaths.TrainingDigest);
        var full = Parse(lines).Papers;
        var titleIndex = lines.Count - 2 * full.Count + 2 * 100;
        lines.RemoveAt(titleIndex);

        var result = Parse(lines);

        Assert.Equal(full.Count - 1, result.Papers.Count);
        Assert.DoesNotContain(result.Papers, p => p.Title == full[100].Title);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(titleIndex + 1, reject.Line);
        Assert.Contains("abstract without a title", reject.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_damage_loses_only_the_damaged_papers(int seed)
    {
        // Each paper of both seed digests loses its title or its abstract with probability 5% each. A lost
        // abstract followed by a lost title leaves a title + abstract of two different papers, which no
        // layout rule can tell from a real pair: the test expects exactly those merges and nothing else.
        var rng = new Random(seed);
        foreach (var path in new[] { RepoPaths.TrainingDigest, RepoPaths.HeldOutDigest })
        {
            var lines = NonBlank(path);
            var papers = Parse(lines).Papers;
            var header = lines.Count - 2 * papers.Count;
            var damaged = lines.Take(header).ToList();
            var lost = papers.Select(_ => rng.NextDouble() switch { < 0.05 => 'a', < 0.10 => 't', _ => ' ' }).ToArray();
            var expected = new List<(string Title, string Abstract)>();
            for (var i = 0; i < papers.Count; i++)
            {
                var title = lines[header + 2 * i];
                if (lost[i] != 't') damaged.Add(title);
                if (lost[i] != 'a') damaged.Add(papers[i].Abstract);
                if (lost[i] == ' ') expected.Add((papers[i].Title, papers[i].Abstract));
                if (lost[i] == 'a' && i + 1 < papers.Count && lost[i + 1] == 't') expected.Add((papers[i].Title, papers[i + 1].Abstract));
            }
            var merges = expected.Count - lost.Count(l => l == ' ');
            var orphans = lost.Count(l => l != ' ') - 2 * merges;

            var result = Parse(damaged);

            Assert.Equal(expected, result.Papers.Select(p => (p.Title, p.Abstract)));
            Assert.Equal(orphans, result.Rejects.Count);
        }
    }
}
