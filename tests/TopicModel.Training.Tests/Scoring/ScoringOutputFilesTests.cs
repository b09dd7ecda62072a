using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.ML;
using TopicModel.Training.Scoring;

namespace TopicModel.Training.Tests.Scoring;

/// <summary>The files around a scoring run: its format by extension, a rejects file made only when needed, partial outputs.</summary>
public sealed class ScoringOutputFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scoring-files").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(null, "out.jsonl", OutputFormat.Jsonl)]
    [InlineData(null, "OUT.NDJSON", OutputFormat.Jsonl)]
    [InlineData(null, "out.csv", OutputFormat.Csv)]
    [InlineData(null, "-", OutputFormat.Jsonl)]
    [InlineData(null, "scored.Parquet", OutputFormat.Parquet)]
    [InlineData("csv", "out.txt", OutputFormat.Csv)]
    [InlineData("CSV", "-", OutputFormat.Csv)]
    public void The_format_is_the_one_named_else_the_extensions(string? name, string path, OutputFormat expected) =>
        Assert.Equal(expected, OutputFormats.Resolve(name, path));

    [Theory]
    [InlineData(null, "out.xlsx", "unknown output extension '.xlsx'")]
    [InlineData(null, "out", "the output has no extension")]
    [InlineData("xml", "out.jsonl", "--format: expected jsonl, csv or parquet")]
    public void An_unknown_format_or_extension_is_an_error_not_jsonl(string? name, string path, string message) =>
        Assert.Contains(message, Assert.Throws<TopicModelException>(() => OutputFormats.Resolve(name, path)).Message);

    [Fact]
    public void A_rejects_file_exists_only_once_something_was_written_to_it()
    {
        var path = Path.Combine(_dir, "rejects.jsonl");
        File.WriteAllText(path, "stale\n");
        using (var empty = new RejectsFile(path)) empty.Commit();
        Assert.False(File.Exists(path));

        using (var some = new RejectsFile(path))
        {
            some.WriteLine("{\"line\": 2}");
            Assert.False(File.Exists(path), "written atomically: nothing under the name before the commit");
            some.Commit();
        }
        Assert.Equal("{\"line\": 2}\n", File.ReadAllText(path));
        Assert.Empty(Directory.EnumerateFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void A_partial_output_counts_records_not_lines_inside_quotes_or_the_csv_header()
    {
        var csv = Path.Combine(_dir, "out.csv.partial");
        File.WriteAllText(csv, "id,title,digest,topic,probability,top,topics\na,\"Two\nlines\",d,t,0.5,t:0.5,t\nb,One,d,t,0.5,t:0.5,t\n");
        var jsonl = Path.Combine(_dir, "out.jsonl.partial");
        File.WriteAllText(jsonl, "{\"title\": \"a \\\" quote\"}\n{\"title\": \"b\"}\n{\"title\": \"c\"}\n");

        Assert.Equal(2, PartialOutput.CountRecords(csv, OutputFormat.Csv));
        Assert.Equal(3, PartialOutput.CountRecords(jsonl, OutputFormat.Jsonl));
        PartialOutput.RequireCsvHeader(csv, topicMixture: false);
        Assert.Contains("cannot resume", Assert.Throws<TopicModelException>(() => PartialOutput.RequireCsvHeader(csv, topicMixture: true)).Message);
    }

    [Fact]
    public void Skipping_records_counts_papers_and_rejects_but_lets_warnings_through()
    {
        var paper = ReadItem.Of(new Paper("p", "T", "A", "d", null, null, 1));
        var reject = ReadItem.Of(new RejectedRecord("f", 2, "bad", "raw"));
        var warning = ReadItem.Of(new ReaderWarning("f", 1, "no year"));
        ReadItem[] items = [warning, paper, reject, paper, paper];

        var rest = ScoringInputs.SkipRecords(items, 2).ToList();

        Assert.Equal([warning, paper, paper], rest);
    }
}
