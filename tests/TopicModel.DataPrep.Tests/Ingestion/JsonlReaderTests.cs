using System.Text.Json;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.ML;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Ingestion;

public sealed class JsonlReaderTests
{
    [Fact]
    public void Seed_papers_round_trip_through_jsonl()
    {
        using var dir = new TempDirectory();
        var papers = PaperReader.ReadFile(RepoPaths.HeldOutDigest, new ReaderOptions { DigestYear = 2024 }).Papers;
        var lines = papers.Select((p, i) => JsonSerializer.Serialize(new { id = $"src-{i}", title = p.Title, @abstract = p.Abstract, date = p.Date?.ToString("yyyy-MM-dd") }));
        var path = dir.Write("held-out.jsonl", string.Join("\n", lines) + "\n");

        var result = PaperReader.ReadFile(path);

        Assert.Empty(result.Rejects);
        Assert.Equal(papers.Count, result.Papers.Count);
        for (var i = 0; i < papers.Count; i++)
        {
            var read = result.Papers[i];
            Assert.Equal(papers[i].Id, read.Id);
            Assert.Equal(papers[i].Title, read.Title);
            Assert.Equal(papers[i].Abstract, read.Abstract);
            Assert.Equal(new DateOnly(2024, 3, 14), read.Date);
            Assert.Equal($"src-{i}", read.SourceId);
            Assert.Equal(i + 1, read.Line);
            Assert.Equal("held-out", read.Digest);
        }
    }

    [Fact]
    public void Bad_lines_are_rejected_with_their_line_and_good_ones_kept_in_order()
    {
        using var dir = new TempDirectory();
        string Good(int i) => JsonSerializer.Serialize(new { id = i, title = SyntheticDigest.Title(i), @abstract = SyntheticDigest.Abstract(i) });
        var path = dir.Write("mixed.ndjson", string.Join("\n",
            Good(1),                                               // 1
            "",                                                    // 2 blank: skipped, not a reject
            "[1, 2, 3]",                                           // 3 not an object
            "{\"title\": \"Only a title\"}",                       // 4 no abstract
            "{\"title\": 42, \"abstract\": \"x\"}",                // 5 title not a string
            "{\"title\": \"T\", \"abstract\": ",                   // 6 truncated JSON
            Good(2),                                               // 7
            "{\"title\": \"T\", \"abstract\": \"   \"}",           // 8 empty abstract
            "{\"title\": \"T\", \"abstract\": \"A\", \"date\": \"14/03/2024\"}", // 9 bad date
            "{\"title\": \"T\", \"abstract\": \"A\", \"id\": [1]}",  // 10 bad id
            Good(3)));                                             // 11

        var result = PaperReader.ReadFile(path);

        Assert.Equal([SyntheticDigest.Title(1), SyntheticDigest.Title(2), SyntheticDigest.Title(3)], result.Papers.Select(p => p.Title));
        Assert.Equal([1L, 7, 11], result.Papers.Select(p => p.Line));
        Assert.Equal(["1", "2", "3"], result.Papers.Select(p => p.SourceId));
        Assert.Equal([3L, 4, 5, 6, 8, 9, 10], result.Rejects.Select(r => r.Line));
        Assert.Contains("JSON object", result.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("missing \"abstract\"", result.Rejects[1].Reason, StringComparison.Ordinal);
        Assert.Contains("\"title\" must be a string", result.Rejects[2].Reason, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", result.Rejects[3].Reason, StringComparison.Ordinal);
        Assert.Contains("\"abstract\" is empty", result.Rejects[4].Reason, StringComparison.Ordinal);
        Assert.Contains("ISO date", result.Rejects[5].Reason, StringComparison.Ordinal);
        Assert.Contains("\"id\"", result.Rejects[6].Reason, StringComparison.Ordinal);
        Assert.Equal("[1, 2, 3]", result.Rejects[0].Raw);
        Assert.All(result.Rejects, r => Assert.Equal(path, r.File));
    }

    [Fact]
    public void Overlong_and_binary_lines_are_rejected_and_the_next_line_is_read()
    {
        using var dir = new TempDirectory();
        string Good(int i) => JsonSerializer.Serialize(new { title = SyntheticDigest.Title(i), @abstract = SyntheticDigest.Abstract(i) });
        var padding = string.Concat(Enumerable.Repeat(Good(0) + "\n", 40)); // pushes the bad lines past the sniffed head
        var text = padding + Good(1) + "\n" + "{\"title\": \"" + new string('x', 5000) + "\"}\n" + "{\"title\": \"a\u0000b\"}\n" + Good(2) + "\n";
        var path = dir.Write("limits.jsonl", text);

        var result = PaperReader.ReadFile(path, new ReaderOptions { MaxLineLength = 2000 });

        Assert.Equal(42, result.Papers.Count);
        Assert.Equal(SyntheticDigest.Title(2), result.Papers[^1].Title);
        Assert.Equal(44, result.Papers[^1].Line);
        Assert.Equal([42L, 43], result.Rejects.Select(r => r.Line));
        Assert.Contains("MaxLineLength", result.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("control character 0x00", result.Rejects[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Iso_date_times_keep_the_written_calendar_date()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("d.jsonl", $"{{\"title\": \"{SyntheticDigest.Title(1)}\", \"abstract\": \"{SyntheticDigest.Abstract(1)}\", \"date\": \"2025-02-26T23:30:00-05:00\"}}\n");

        Assert.Equal(new DateOnly(2025, 2, 26), Assert.Single(PaperReader.ReadFile(path).Papers).Date);
    }

    [Fact]
    public void Streams_lazily_so_the_first_paper_comes_before_a_later_fatal_problem_is_seen()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("lazy.jsonl", "{\"title\": \"T\", \"abstract\": \"A\"}\n");

        using var items = PaperReader.Read(path).GetEnumerator();

        Assert.True(items.MoveNext());
        Assert.Equal("T", items.Current.Paper!.Title);
        Assert.False(items.MoveNext());
    }

    [Fact]
    public void A_jsonl_file_with_only_bad_records_is_an_error_naming_the_first_problem()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.jsonl", "\n{\"name\": 1}\n{\"name\": 2}\n");

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Equal(path, e.File);
        Assert.Equal(2, e.Line);
        Assert.Contains("no papers among 2 JSONL records", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_papers_within_a_jsonl_file_are_reported_not_dropped()
    {
        using var dir = new TempDirectory();
        string Line(string title) => JsonSerializer.Serialize(new { title, @abstract = SyntheticDigest.Abstract(1) });
        var path = dir.Write("dups.jsonl", string.Join("\n", Line("Attention Is All You Need"), Line("Other Paper"), Line("attention is all  you need!")));

        var papers = PaperReader.ReadFile(path).Papers;
        var report = DuplicateFinder.Find(papers);

        Assert.Equal(3, papers.Count);
        var group = Assert.Single(report.WithinDigest);
        Assert.Empty(report.CrossDigest);
        Assert.Equal(PaperId.FromTitle("Attention Is All You Need"), group.Id);
        Assert.Equal([new PaperLocation("dups", 1), new PaperLocation("dups", 3)], group.Occurrences);
        Assert.Equal(1, report.ExtraCopies);
    }
}
