using System.Text;
using Microsoft.Data.Analysis;
using Microsoft.ML;
using TopicModel.DataFrames;
using TopicModel.DataPrep.Ingestion;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Recipes;

namespace TopicModel.MLNet.Tests.Interop;

/// <summary>
/// An IDataView (a DataFrame, or ML.NET's own LoadFromEnumerable) as papers: the same papers the JSON Lines reader
/// makes of the same records, bad rows as rejects naming their row, and a missing or wrongly typed column as an error
/// naming it.
/// </summary>
public sealed class PaperRowsTests
{
    /// <summary>Real papers of the 2025 corpus, with the JSON Lines text they came from.</summary>
    private static readonly string[] Lines = File.ReadLines(Path.Combine(RepoPaths.Data, "corpus", "hf-daily-papers-2025.jsonl")).Take(25).ToArray();

    private static IReadOnlyList<DataPrep.Papers.Paper> FromJsonl(string digest) =>
        PaperReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', Lines))), "papers.jsonl", digest)
            .Select(i => i.Paper!).ToArray();

    [Fact]
    public void A_data_frame_s_rows_are_the_papers_the_jsonl_reader_makes_of_the_same_records()
    {
        var expected = FromJsonl("rows");
        var frame = new DataFrame(
            new StringDataFrameColumn("Title", expected.Select(p => p.Title)),
            new StringDataFrameColumn("Abstract", expected.Select(p => p.Abstract)),
            new Int64DataFrameColumn("id", Enumerable.Range(0, expected.Count).Select(i => (long?)(1000 + i))),
            new DateTimeDataFrameColumn("date", expected.Select((p, i) => i % 2 == 0 ? p.Date?.ToDateTime(TimeOnly.MinValue) : null)),
            new StringDataFrameColumn("topic", expected.Select((_, i) => i % 3 == 0 ? "efficiency" : null)));

        var rows = PaperRows.Read(frame);

        Assert.Empty(rows.Rejects);
        Assert.Equal(expected.Select(p => (p.Id, p.Title, p.Abstract, p.Digest)), rows.Papers.Select(r => (r.Paper.Id, r.Paper.Title, r.Paper.Abstract, r.Paper.Digest)));
        Assert.Equal(expected.Select((p, i) => i % 2 == 0 ? p.Date : null), rows.Papers.Select(r => r.Paper.Date));
        Assert.Equal(Enumerable.Range(0, expected.Count).Select(i => (1000 + i).ToString()), rows.Papers.Select(r => r.Paper.SourceId));
        Assert.Equal(Enumerable.Range(1, expected.Count).Select(i => (long)i), rows.Papers.Select(r => r.Paper.Line));
        Assert.Equal(expected.Select((_, i) => i % 3 == 0 ? "efficiency" : null), rows.Papers.Select(r => r.Topic));
        Assert.Contains(expected, p => p.Date is not null);
    }

    [Fact]
    public void Ml_net_s_own_data_view_works_and_a_row_that_is_not_a_paper_is_a_reject_naming_its_row()
    {
        var expected = FromJsonl("2025");
        var items = expected.Select(p => new Row { Title = p.Title, Abstract = p.Abstract, Digest = "2025" }).ToList();
        items.Insert(3, new Row { Title = "  ", Abstract = "an abstract without a title", Digest = "2025" });
        var view = new MLContext(0).Data.LoadFromEnumerable(items);

        var rows = PaperRows.Read(view, "my rows");

        Assert.Equal(expected.Select(p => p.Id), rows.Papers.Select(r => r.Paper.Id));
        Assert.All(rows.Papers, r => Assert.Equal("2025", r.Paper.Digest));
        var reject = Assert.Single(rows.Rejects);
        Assert.Equal(("my rows", 4L), (reject.File, reject.Line));
        Assert.Contains("\"title\" is empty", reject.Reason);
    }

    public sealed class Row
    {
        public string Title { get; set; } = "";
        public string Abstract { get; set; } = "";
        public string Digest { get; set; } = "";
    }

    [Fact]
    public void A_missing_or_wrongly_typed_column_fails_naming_the_column_and_what_it_should_be()
    {
        var titles = new StringDataFrameColumn("title", ["A title"]);

        var missing = Assert.Throws<TopicModelException>(() => PaperRows.Read(new DataFrame(titles, new StringDataFrameColumn("summary", ["text"]))));
        var wrongType = Assert.Throws<TopicModelException>(() => PaperRows.Read(new DataFrame(
            new Int32DataFrameColumn("title", [1]), new StringDataFrameColumn("abstract", ["text"]))));
        var wrongDate = Assert.Throws<TopicModelException>(() => PaperRows.Read(new DataFrame(
            titles, new StringDataFrameColumn("abstract", ["text"]), new SingleDataFrameColumn("date", [2025f]))));

        Assert.Contains("no 'abstract' column", missing.Message);
        Assert.Contains("summary", missing.Message);
        Assert.Contains("column 'title' is Int32; expected text", wrongType.Message);
        Assert.Contains("column 'date' is Single; expected a date-time or ISO date text", wrongDate.Message);
    }

    [Fact]
    public void Training_rows_with_a_topic_outside_the_taxonomy_fail_before_training_naming_the_row()
    {
        using var recipe = new TempRecipe();
        var papers = FromJsonl("rows");
        var frame = new DataFrame(
            new StringDataFrameColumn("title", papers.Select(p => p.Title)),
            new StringDataFrameColumn("abstract", papers.Select(p => p.Abstract)),
            new StringDataFrameColumn("topic", papers.Select((_, i) => i == 6 ? "not-a-topic" : null)));

        var fine = new DataFrame(frame.Columns["title"], frame.Columns["abstract"]);

        var error = Assert.Throws<TopicModelException>(() => RowTraining.Train(RecipeReader.Read(recipe.RecipePath), frame));
        var heldOutError = Assert.Throws<TopicModelException>(() => RowTraining.Train(RecipeReader.Read(recipe.RecipePath), fine, heldOut: frame));

        Assert.Contains("topic 'not-a-topic' is not in the taxonomy", error.Message);
        Assert.Equal((7L, "training rows"), (error.Line, error.File));
        Assert.Equal((7L, "held-out rows"), (heldOutError.Line, heldOutError.File));
        Assert.False(File.Exists(recipe.BundlePath));
    }
}
