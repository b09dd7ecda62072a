using System.Text;
using System.Text.Json;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Scoring;

namespace TopicModel.Training.Tests.Scoring;

public sealed class BatchScorerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scorer-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Spreads probability by the title's characters: deterministic, and different per paper.</summary>
    private sealed class TitleHashClassifier : IPaperClassifier
    {
        public IReadOnlyList<string> Topics { get; } = ["a", "b", "c", "d"];

        public void Predict(Paper paper, Span<float> probabilities)
        {
            var total = 0f;
            for (var i = 0; i < probabilities.Length; i++)
            {
                probabilities[i] = 1 + (paper.Title.Length * (i + 3) + paper.Title[i % paper.Title.Length]) % 17;
                total += probabilities[i];
            }
            for (var i = 0; i < probabilities.Length; i++) probabilities[i] /= total;
        }
    }

    private (List<JsonElement> Output, List<JsonElement> Rejects, ScoringSummary Summary) Run(IReadOnlyList<string> inputs, int threads, int batch = 64)
    {
        using var output = new MemoryStream();
        var rejects = new StringWriter();
        var summary = BatchScorer.Score(inputs, new TitleHashClassifier(), output, rejects, new ScoringOptions(BatchSize: batch, DegreeOfParallelism: threads));
        return (Lines(Encoding.UTF8.GetString(output.ToArray())), Lines(rejects.ToString()), summary);
    }

    private static List<JsonElement> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Every_record_is_in_the_output_or_the_rejects_in_input_order(int threads)
    {
        var rng = new Random(11);
        var path = Path.Combine(_dir, "mixed.jsonl");
        var expected = new List<(bool Good, string Key)>();
        using (var w = new StreamWriter(path))
        {
            for (var i = 0; i < 3000; i++)
            {
                var roll = rng.NextDouble();
                if (roll < 0.7)
                {
                    w.WriteLine(JsonSerializer.Serialize(new { id = $"r{i}", title = $"Paper number {i}", @abstract = $"An abstract about topic {i % 7} that is long enough to be a real abstract of a paper." }));
                    expected.Add((true, $"r{i}"));
                }
                else if (roll < 0.85)
                {
                    w.WriteLine("{not json " + i);
                    expected.Add((false, (i + 1).ToString()));
                }
                else
                {
                    w.WriteLine(JsonSerializer.Serialize(new { id = $"r{i}", title = $"No abstract {i}" }));
                    expected.Add((false, (i + 1).ToString()));
                }
            }
        }

        var (output, rejects, summary) = Run([path], threads);

        Assert.Equal(expected.Count(e => e.Good), summary.Scored);
        Assert.Equal(expected.Count(e => !e.Good), summary.Rejected);
        Assert.Equal(expected.Where(e => e.Good).Select(e => e.Key), output.Select(o => o.GetProperty("id").GetString()));
        Assert.Equal(expected.Where(e => !e.Good).Select(e => e.Key), rejects.Select(r => r.GetProperty("line").GetInt64().ToString()));
        Assert.All(rejects, r => Assert.Equal(path, r.GetProperty("file").GetString()));
    }

    [Fact]
    public void Parallel_scoring_writes_exactly_what_single_threaded_scoring_writes()
    {
        using var single = new MemoryStream();
        using var parallel = new MemoryStream();
        BatchScorer.Score([RepoPaths.TrainingDigest, RepoPaths.HeldOutDigest], new TitleHashClassifier(), single, TextWriter.Null, new ScoringOptions(BatchSize: 7, DegreeOfParallelism: 1));
        BatchScorer.Score([RepoPaths.TrainingDigest, RepoPaths.HeldOutDigest], new TitleHashClassifier(), parallel, TextWriter.Null, new ScoringOptions(BatchSize: 7, DegreeOfParallelism: 8));

        Assert.Equal(single.ToArray(), parallel.ToArray());
        Assert.Equal(216 + 112, Encoding.UTF8.GetString(single.ToArray()).Count(c => c == '\n'));
    }

    [Fact]
    public void Records_carry_the_stable_field_names_and_a_sorted_top_list()
    {
        var (output, _, _) = Run([RepoPaths.HeldOutDigest], threads: 2);

        var first = output[0];
        Assert.Equal(["id", "title", "digest", "topic", "probability", "top", "topics"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("001_a7ac521b53603ff9", first.GetProperty("digest").GetString());
        Assert.Equal(PaperId.FromTitle(first.GetProperty("title").GetString()!), first.GetProperty("id").GetString());
        foreach (var record in output)
        {
            var top = record.GetProperty("top").EnumerateArray().ToList();
            Assert.Equal(3, top.Count);
            Assert.Equal(record.GetProperty("topic").GetString(), top[0].GetProperty("topic").GetString());
            var probs = top.Select(t => t.GetProperty("probability").GetDouble()).ToList();
            Assert.Equal(probs.OrderByDescending(p => p), probs);
        }
    }

    [Fact]
    public void Csv_output_quotes_titles_with_commas()
    {
        using var output = new MemoryStream();
        BatchScorer.Score([RepoPaths.HeldOutDigest], new TitleHashClassifier(), output, TextWriter.Null, new ScoringOptions(Format: OutputFormat.Csv));
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("id,title,digest,topic,probability,top,topics", lines[0]);
        Assert.Equal(113, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"") && l.Contains(", "));
    }

    /// <summary>The forward 2026 set's first records with bad ones between them, as JSON Lines.</summary>
    private string ForwardWithBadRecords(params (int After, string Line)[] bad)
    {
        var lines = File.ReadLines(Path.Combine(RepoPaths.Data, "forward", "forward-2026.jsonl")).ToList();
        foreach (var (after, line) in bad.OrderByDescending(b => b.After)) lines.Insert(after, line);
        var path = Path.Combine(_dir, "forward-with-bad.jsonl");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_bad_record_in_the_middle_is_rejected_as_the_reader_rejects_it_and_the_rest_is_scored_in_order(int threads)
    {
        var path = ForwardWithBadRecords((150, "{\"title\": \"Cut off\", \"abstract\": \"mid-"), (151, "{\"title\": \"No abstract\"}"), (300, "[\"not\", \"an object\"]"));
        var read = PaperReader.Read(path).ToList();

        var (output, rejects, summary) = Run([path], threads, batch: 32);

        // Parsed on the workers, the records say what the reader's own parsing says, line for line and in order.
        Assert.Equal(read.Where(i => i.Paper is not null).Select(i => i.Paper!.SourceId), output.Select(o => o.GetProperty("id").GetString()));
        var expected = read.Where(i => i.Rejected is not null).Select(i => i.Rejected!).ToList();
        Assert.Equal([151L, 153L, 303L], expected.Select(r => r.Line));
        Assert.Equal(expected.Select(r => (r.File, r.Line, r.Reason, r.Raw)),
            rejects.Select(r => (r.GetProperty("file").GetString()!, r.GetProperty("line").GetInt64(), r.GetProperty("reason").GetString()!, r.GetProperty("raw").GetString()!)));
        Assert.Equal(read.Count, summary.Scored + summary.Rejected);
        Assert.Equal(312, summary.Scored);
    }

    [Fact]
    public void A_whole_file_without_papers_fails_as_the_reader_fails_after_the_files_before_it_are_scored()
    {
        var noPapers = Path.Combine(_dir, "no-papers.jsonl");
        File.WriteAllText(noPapers, "{\"title\": \"No abstract\"}\n\n{oops\n");
        var expected = Assert.Throws<TopicModelException>(() => PaperReader.Read(noPapers).ToList());

        using var output = new MemoryStream();
        var actual = Assert.Throws<TopicModelException>(() => BatchScorer.Score([RepoPaths.HeldOutDigest, noPapers], new TitleHashClassifier(), output,
            TextWriter.Null, new ScoringOptions(BatchSize: 16, DegreeOfParallelism: 2)));

        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(1, actual.Line);
        Assert.Equal(112, Encoding.UTF8.GetString(output.ToArray()).Count(c => c == '\n'));
    }

    [Fact]
    public void A_record_encoded_on_a_worker_is_the_record_the_writer_writes()
    {
        var papers = PaperReader.ReadFile(RepoPaths.HeldOutDigest).Papers;
        var classifier = new TitleHashClassifier();
        using var written = new MemoryStream();
        using var copied = new MemoryStream();
        using (var writer = new ScoredPaperWriter(written, OutputFormat.Jsonl))
        using (var copier = new ScoredPaperWriter(copied, OutputFormat.Jsonl))
        {
            foreach (var paper in papers)
            {
                var scored = BatchScorer.Classify(paper, classifier, 3);
                writer.Write(scored);
                copier.WriteJsonLine(ScoredPaperWriter.JsonLine(scored, topicMixture: false));
            }
        }

        Assert.Equal(112, Encoding.UTF8.GetString(written.ToArray()).Count(c => c == '\n'));
        Assert.Equal(written.ToArray(), copied.ToArray());
    }
}
