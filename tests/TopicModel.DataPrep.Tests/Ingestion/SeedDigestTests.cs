using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Ingestion;

public sealed class SeedDigestTests
{
    private static readonly string[] HeaderTexts = ["Subscribe", "Get trending papers", "byAK", "research community"];

    public static TheoryData<string, int> Digests => new()
    {
        { RepoPaths.TrainingDigest, 216 },
        { RepoPaths.HeldOutDigest, 112 },
    };

    [Theory]
    [MemberData(nameof(Digests))]
    public void Recovers_every_paper_without_rejects(string path, int expected)
    {
        var result = PaperReader.ReadFile(path);

        Assert.Equal(expected, result.Papers.Count);
        Assert.Empty(result.Rejects);
        Assert.All(result.Papers, p => Assert.Equal(Path.GetFileNameWithoutExtension(path), p.Digest));
    }

    [Theory]
    [MemberData(nameof(Digests))]
    public void No_title_contains_page_header_text(string path, int _)
    {
        var papers = PaperReader.ReadFile(path).Papers;

        foreach (var header in HeaderTexts)
            Assert.DoesNotContain(papers, p => p.Title.Contains(header, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Digests))]
    public void Titles_look_like_titles_and_abstracts_like_abstracts(string path, int _)
    {
        var papers = PaperReader.ReadFile(path).Papers;

        Assert.All(papers, p =>
        {
            Assert.True(p.Title.Length <= 300, $"title too long at line {p.Line}: {p.Title}");
            Assert.True(p.Abstract.Length > 100, $"abstract too short for title at line {p.Line}");
            Assert.True(p.Title.Length < p.Abstract.Length, $"title longer than abstract at line {p.Line}");
            Assert.False(p.Title.EndsWith('.'), $"title ends like a sentence at line {p.Line}");
            Assert.Equal(PaperId.FromTitle(p.Title), p.Id);
            Assert.Equal(p.Title.Trim(), p.Title);
            Assert.DoesNotContain("  ", p.Abstract);
        });
        Assert.Equal(papers.Count, papers.Select(p => p.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Digests))]
    public void First_and_last_papers_are_the_files_first_and_last_pairs(string path, int _)
    {
        var lines = File.ReadAllLines(path)
            .Select((text, i) => (Text: text.Trim(), Line: i + 1L))
            .Where(l => l.Text.Length > 0)
            .ToArray();
        var papers = PaperReader.ReadFile(path).Papers;

        // The file ends with the last title and its abstract.
        Assert.Equal(lines[^2].Text, papers[^1].Title);
        Assert.Equal(lines[^2].Line, papers[^1].Line);
        Assert.Equal(lines[^1].Text, papers[^1].Abstract);

        // The first abstract is the first line of prose; the title is the line before it, minus any glued header text.
        var firstAbstract = Array.FindIndex(lines, l => l.Text.Length > 300);
        var titleLine = lines[firstAbstract - 1];
        Assert.Equal(lines[firstAbstract].Text, papers[0].Abstract);
        Assert.Equal(titleLine.Line, papers[0].Line);
        Assert.EndsWith(papers[0].Title, titleLine.Text, StringComparison.Ordinal);
        Assert.True(titleLine.Text == papers[0].Title || titleLine.Text == "Subscribe" + papers[0].Title);
    }

    [Fact]
    public void Glued_subscribe_prefix_is_stripped_with_a_warning()
    {
        var result = PaperReader.ReadFile(RepoPaths.TrainingDigest);

        Assert.StartsWith("Reversing the Forget-Retain Objectives", result.Papers[0].Title, StringComparison.Ordinal);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(3, warning.Line);
        Assert.Contains("Subscribe", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Held_out_date_line_without_a_year_takes_the_year_from_the_options()
    {
        var dated = PaperReader.ReadFile(RepoPaths.HeldOutDigest, new ReaderOptions { DigestYear = 2024 });

        Assert.All(dated.Papers, p => Assert.Equal(new DateOnly(2024, 3, 14), p.Date));
        Assert.Empty(dated.Warnings);
    }

    [Fact]
    public void Held_out_date_line_without_a_year_leaves_the_date_null_and_says_so()
    {
        var result = PaperReader.ReadFile(RepoPaths.HeldOutDigest);

        Assert.All(result.Papers, p => Assert.Null(p.Date));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(9, warning.Line);
        Assert.Contains("Mar 14", warning.Message, StringComparison.Ordinal);
        Assert.Contains("--digest-year", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_digest_has_no_date()
    {
        Assert.All(PaperReader.ReadFile(RepoPaths.TrainingDigest).Papers, p => Assert.Null(p.Date));
    }

    [Fact]
    public void Reading_twice_gives_identical_papers()
    {
        var first = PaperReader.ReadAll([RepoPaths.TrainingDigest, RepoPaths.HeldOutDigest]).Papers;
        var second = PaperReader.ReadAll([RepoPaths.TrainingDigest, RepoPaths.HeldOutDigest]).Papers;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Seed_digests_share_19_papers_and_repeat_none_within_themselves()
    {
        var papers = PaperReader.ReadAll([RepoPaths.TrainingDigest, RepoPaths.HeldOutDigest]).Papers;

        var report = DuplicateFinder.Find(papers);

        Assert.Equal(19, report.CrossDigest.Count);
        Assert.Empty(report.WithinDigest);
        Assert.Equal(216 + 112, report.TotalPapers);
        Assert.Equal(216 + 112 - 19, report.DistinctPapers);
        Assert.All(report.CrossDigest, g =>
        {
            Assert.Equal(["000_97cca7786c7f0218", "001_a7ac521b53603ff9"], g.Digests);
            Assert.Equal(2, g.Occurrences.Count);
        });
    }
}
