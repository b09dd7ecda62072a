using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Labeling;

public sealed class ReviewedLabelReaderTests : IDisposable
{
    private static readonly Taxonomy Taxonomy = TaxonomyReader.Read(RepoPaths.Taxonomy);
    private readonly string _dir = Directory.CreateTempSubdirectory("reviewed-labels-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Line(string title, string topic, string secondary = "[]", string digest = "\"000_x\"", string? id = null) =>
        $$"""{"id": "{{id ?? PaperId.FromTitle(title)}}", "title": "{{title}}", "topic": "{{topic}}", "secondary": {{secondary}}, "digest": {{digest}}}""";

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Reads_every_jsonl_file_of_a_directory_in_name_order()
    {
        Write("b.jsonl", Line("Tool Use for Agents", "agents-tools", "[\"evaluation\"]", "null"));
        Write("a.jsonl", Line("Reasoning Chains", "reasoning"), "", Line("LoRA at Scale", "efficiency"));
        Write("notes.txt", "not a label file");

        var labels = ReviewedLabelReader.ReadDirectory(_dir, Taxonomy);

        Assert.Equal(["Reasoning Chains", "LoRA at Scale", "Tool Use for Agents"], labels.Select(l => l.Title));
        var last = labels[2];
        Assert.Equal(PaperId.FromTitle("Tool Use for Agents"), last.Id);
        Assert.Equal("agents-tools", last.Topic);
        Assert.Equal(["evaluation"], last.Secondary);
        Assert.Null(last.Digest);
        Assert.Equal("000_x", labels[0].Digest);
    }

    [Theory]
    [InlineData("{\"id\": \"x\"", "not valid JSON")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{\"title\": \"T\", \"topic\": \"reasoning\"}", "'id' must be a non-empty string")]
    [InlineData("{\"id\": \"abc\", \"title\": \"T\", \"topic\": \"reasoning\"}", "does not match the title")]
    public void Malformed_lines_fail_with_file_and_line(string badLine, string message)
    {
        var path = Write("labels.jsonl", Line("Fine Paper", "reasoning"), badLine);

        var e = Assert.Throws<TopicModelException>(() => ReviewedLabelReader.ReadDirectory(_dir, Taxonomy));

        Assert.Equal(path, e.File);
        Assert.Equal(2, e.Line);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Unknown_topics_fail_naming_the_topic()
    {
        Write("labels.jsonl", Line("A Paper", "robotics"));
        var e = Assert.Throws<TopicModelException>(() => ReviewedLabelReader.ReadDirectory(_dir, Taxonomy));
        Assert.Contains("topic 'robotics' is not in taxonomy", e.Message);

        Write("labels.jsonl", Line("A Paper", "reasoning", "[\"reasoning\"]"));
        Assert.Contains("repeats the primary", Assert.Throws<TopicModelException>(() => ReviewedLabelReader.ReadDirectory(_dir, Taxonomy)).Message);

        Write("labels.jsonl", Line("A Paper", "reasoning", "[\"nope\"]"));
        Assert.Contains("secondary topic 'nope'", Assert.Throws<TopicModelException>(() => ReviewedLabelReader.ReadDirectory(_dir, Taxonomy)).Message);
    }

    [Fact]
    public void A_paper_reviewed_twice_for_the_same_digest_is_an_error_naming_both_places()
    {
        var first = Write("a.jsonl", Line("Same Paper", "reasoning"));
        var second = Write("b.jsonl", Line("Other Paper", "code"), Line("Same  paper!", "reasoning"));

        var e = Assert.Throws<TopicModelException>(() => ReviewedLabelReader.ReadDirectory(_dir, Taxonomy));

        Assert.Equal(second, e.File);
        Assert.Equal(2, e.Line);
        Assert.Contains($"already reviewed at {first}:1 for digest '000_x'", e.Message);
    }

    [Fact]
    public void A_paper_in_two_digests_may_be_reviewed_in_each_but_only_with_one_topic()
    {
        Write("a.jsonl", Line("Same Paper", "reasoning", digest: "\"000\""));
        Write("b.jsonl", Line("Same Paper", "reasoning", "[\"code\"]", "\"001\""));

        var labels = ReviewedLabelReader.ReadDirectory(_dir, Taxonomy);
        Assert.Equal(["000", "001"], labels.Select(l => l.Digest));

        var conflicting = Write("b.jsonl", Line("Same Paper", "code", digest: "\"001\""));
        var e = Assert.Throws<TopicModelException>(() => ReviewedLabelReader.ReadDirectory(_dir, Taxonomy));
        Assert.Equal(conflicting, e.File);
        Assert.Contains("reviewed as 'code' here but as 'reasoning' at", e.Message);
    }

    [Fact]
    public void A_missing_directory_is_an_error()
    {
        var missing = Path.Combine(_dir, "nope");
        Assert.Equal(missing, Assert.Throws<TopicModelException>(() => ReviewedLabelReader.ReadDirectory(missing, Taxonomy)).File);
    }

    [Fact]
    public void Shipped_labels_if_present_are_valid()
    {
        // data/labels/ is being written by reviewers; whatever is there must read cleanly.
        if (!Directory.Exists(RepoPaths.Labels)) return;
        var labels = ReviewedLabelReader.ReadDirectory(RepoPaths.Labels, Taxonomy);
        Assert.All(labels, l => Assert.True(Taxonomy.Contains(l.Topic)));
    }
}
