using System.Text;
using TopicModel.DataPrep.Ingestion;
using TopicModel.ML;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Ingestion;

public sealed class CsvReaderTests
{
    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";

    [Fact]
    public void Seed_papers_round_trip_through_csv()
    {
        using var dir = new TempDirectory();
        var papers = PaperReader.ReadFile(RepoPaths.TrainingDigest).Papers;
        var csv = new StringBuilder("Abstract,id,Title,date\n");
        for (var i = 0; i < papers.Count; i++)
            csv.Append($"{Quote(papers[i].Abstract)},{i},{Quote(papers[i].Title)},2024-03-0{1 + i % 9}\n");
        var path = dir.Write("train.csv", csv.ToString());

        var result = PaperReader.ReadFile(path);

        Assert.Empty(result.Rejects);
        Assert.Equal(papers.Select(p => (p.Id, p.Title, p.Abstract)), result.Papers.Select(p => (p.Id, p.Title, p.Abstract)));
        Assert.Equal(Enumerable.Range(0, papers.Count).Select(i => i.ToString()), result.Papers.Select(p => p.SourceId));
        Assert.Equal(Enumerable.Range(2, papers.Count).Select(i => (long)i), result.Papers.Select(p => p.Line));
        Assert.Equal(new DateOnly(2024, 3, 2), result.Papers[1].Date);
    }

    [Fact]
    public void Quoted_fields_may_span_lines_and_line_numbers_follow_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("multi.csv",
            "title,abstract\n" +
            $"\"A, Title With Comma\",\"First paragraph.\n\nSecond \"\"quoted\"\" paragraph.\"\n" +
            "Plain Title,Plain abstract text.\n");

        var papers = PaperReader.ReadFile(path).Papers;

        Assert.Equal(2, papers.Count);
        Assert.Equal("A, Title With Comma", papers[0].Title);
        Assert.Equal("First paragraph. Second \"quoted\" paragraph.", papers[0].Abstract);
        Assert.Equal(2, papers[0].Line);
        Assert.Equal(5, papers[1].Line);
    }

    [Fact]
    public void Rows_with_missing_or_empty_fields_are_rejected_with_their_line_and_reading_goes_on()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mixed.csv",
            "title,abstract,date\n" +                       // 1
            "Good One,An abstract.,2024-01-02\n" +          // 2
            "Only A Title\n" +                              // 3 missing fields
            ",An abstract without title.,\n" +              // 4 empty title
            "\n" +                                          // 5 blank: skipped
            "Bad Date,An abstract.,yesterday\n" +           // 6
            "Too,Many,Fields,Here\n" +                      // 7
            "Good Two,Another abstract.,\n");               // 8

        var result = PaperReader.ReadFile(path);

        Assert.Equal(["Good One", "Good Two"], result.Papers.Select(p => p.Title));
        Assert.Equal([2L, 8], result.Papers.Select(p => p.Line));
        Assert.Equal(new DateOnly(2024, 1, 2), result.Papers[0].Date);
        Assert.Null(result.Papers[1].Date);
        Assert.Equal([3L, 4, 6, 7], result.Rejects.Select(r => r.Line));
        Assert.Contains("1 fields but the header has 3", result.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("empty 'title'", result.Rejects[1].Reason, StringComparison.Ordinal);
        Assert.Contains("ISO date", result.Rejects[2].Reason, StringComparison.Ordinal);
        Assert.Contains("4 fields", result.Rejects[3].Reason, StringComparison.Ordinal);
        Assert.Equal("Only A Title", result.Rejects[0].Raw);
    }

    [Fact]
    public void A_csv_without_title_and_abstract_columns_is_not_a_papers_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("sales.csv", "name,price\nwidget,3\n");

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Equal(1, e.Line);
        Assert.Contains("'title' and 'abstract'", e.Message, StringComparison.Ordinal);
        Assert.Contains("name, price", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_without_rows_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("empty.csv", "title,abstract\n");

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Contains("no rows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_inside_a_row_rejects_that_row_at_its_line()
    {
        using var dir = new TempDirectory();
        var bytes = Encoding.UTF8.GetBytes("title,abstract\nFirst,Fine abstract.\nSecond,Broken ").Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes(" abstract.\nThird,Fine abstract.\n")).ToArray();
        var path = dir.WriteBytes("utf8.csv", bytes);

        var result = PaperReader.ReadFile(path);

        Assert.Equal(["First", "Third"], result.Papers.Select(p => p.Title));
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(3, reject.Line);
        Assert.Contains("invalid UTF-8", reject.Reason, StringComparison.Ordinal);
    }
}
