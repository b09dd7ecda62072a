using System.Text;
using System.Text.Json;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;
using TopicModel.Training.Scoring;
using Xunit.Abstractions;

namespace TopicModel.Training.Tests.Reliability;

/// <summary>
/// Scoring with the real trained bundle loses nothing and invents nothing: for inputs that mix good and bad
/// records in random proportions, the output holds exactly the good ones and the rejects exactly the bad ones,
/// each in input order, once. And the model object shared by every scoring thread gives the same answers
/// under parallel load as on one thread.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class NothingLostTests(TrainedModel trained, ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Abstracts = File.ReadLines(Path.Combine(RepoPaths.Data, "corpus", "hf-daily-papers-2025.jsonl")).Take(300)
        .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("abstract").GetString()!).ToArray();

    private readonly string _dir = Directory.CreateTempSubdirectory("nothing-lost").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly ReaderOptions Reader = new() { MaxLineLength = 8192 };

    /// <summary>One JSONL line: good (Key = its id) or one of the kinds of bad record the readers reject.</summary>
    private static (byte[] Line, bool Good) JsonlRecord(Random random, int i, double badShare)
    {
        var abs = Abstracts[random.Next(Abstracts.Length)];
        if (random.NextDouble() >= badShare)
            return (Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = $"r{i}", title = $"Paper {i}: {abs[..Math.Min(60, abs.Length)]}", @abstract = abs })), true);
        var bad = random.Next(7) switch
        {
            0 => Encoding.UTF8.GetBytes("{not json " + i),
            1 => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = $"r{i}", title = $"No abstract {i}" })),
            2 => Encoding.UTF8.GetBytes($"[\"an array\", {i}]"),
            3 => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = $"r{i}", title = "", @abstract = abs })),
            4 => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = $"r{i}", title = $"Bad date {i}", @abstract = abs, date = "03/14/2025" })),
            5 => [.. Encoding.UTF8.GetBytes("{\"id\": \"r" + i + "\", \"title\": \"bad \u00e9 bytes\", \"abstract\": \""), 0xC3, 0x28, .. "\"}"u8],
            _ => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = $"r{i}", title = $"Too long {i}", @abstract = new string('x', 9000) })),
        };
        return (bad, false);
    }

    private static (string Row, bool Good) CsvRecord(Random random, int i, double badShare)
    {
        var abs = Abstracts[random.Next(Abstracts.Length)].Replace("\"", "\"\"");
        if (random.NextDouble() >= badShare) return ($"r{i},\"Paper {i}, a study\",\"{abs}\",2025-03-14", true);
        return (random.Next(4) switch
        {
            0 => $"r{i},\"Only two fields\"",
            1 => $"r{i},\"Empty abstract {i}\",\"\",2025-03-14",
            2 => $"r{i},\"Bad date {i}\",\"{abs}\",yesterday",
            _ => $"r{i},\"Extra field {i}\",\"{abs}\",2025-03-14,surplus",
        }, false);
    }

    [Fact]
    public void Scored_plus_rejected_is_the_input_in_order_exactly_once_for_random_mixes()
    {
        var classifier = ModelBundleFile.Load(trained.BundlePath).Classifier;
        var checkedRecords = 0;
        for (var round = 0; round < 12; round++)
        {
            var random = new Random(930 + round);
            var csv = round % 3 == 2;
            var badShare = random.NextDouble() * (round == 0 ? 0 : 0.9);
            var count = random.Next(200, 1500);
            var path = Path.Combine(_dir, csv ? $"mixed{round}.csv" : $"mixed{round}.jsonl");
            var expected = new List<(bool Good, string Key)>();
            using (var file = File.Create(path))
            {
                if (csv) file.Write("id,title,abstract,date\n"u8);
                for (var i = 0; i < count; i++)
                {
                    var line = i + (csv ? 2 : 1);
                    var (bytes, good) = csv
                        ? CsvRecord(random, i, badShare) is var (row, g) ? (Encoding.UTF8.GetBytes(row), g) : default
                        : JsonlRecord(random, i, badShare);
                    // The first record is always good: an input with no paper at all is an error, not a batch of rejects.
                    if (i == 0 && !good) (bytes, good) = csv ? (Encoding.UTF8.GetBytes(CsvRecord(new Random(0), 0, 0).Row), true) : JsonlRecord(new Random(0), 0, 0);
                    file.Write(bytes);
                    file.WriteByte((byte)'\n');
                    expected.Add((good, good ? $"r{i}" : line.ToString()));
                }
            }

            using var scored = new MemoryStream();
            var rejects = new StringWriter();
            var summary = BatchScorer.Score([path], classifier, scored, rejects, new ScoringOptions(BatchSize: 1 + random.Next(200), Reader: Reader));

            var outIds = Encoding.UTF8.GetString(scored.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
            var rejectLines = rejects.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt64().ToString()).ToList();
            Assert.Equal(expected.Where(e => e.Good).Select(e => e.Key), outIds);
            Assert.Equal(expected.Where(e => !e.Good).Select(e => e.Key), rejectLines);
            Assert.Equal(count, summary.Scored + summary.Rejected);
            checkedRecords += count;
        }
        output.WriteLine($"nothing lost: {checkedRecords} records in 12 random mixes checked");
    }

    [Fact]
    public void The_shared_model_gives_the_same_probabilities_on_many_threads_as_on_one()
    {
        var classifier = ModelBundleFile.Load(trained.BundlePath).Classifier;
        var papers = Abstracts.Select((a, i) => new Paper($"p{i}", $"Paper {i}: {a[..Math.Min(80, a.Length)]}", a, "load", null, null, i + 1)).ToArray();
        var topics = classifier.Topics.Count;
        var sequential = papers.Select(p =>
        {
            var probabilities = new float[topics];
            classifier.Predict(p, probabilities);
            return probabilities;
        }).ToArray();

        // Every paper scored 16 times from 8 threads at once, in shuffled order, on the same model object.
        var work = Enumerable.Range(0, papers.Length * 16).Select(i => i % papers.Length).OrderBy(_ => Random.Shared.Next()).ToArray();
        var mismatches = 0;
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            Span<float> probabilities = stackalloc float[topics];
            classifier.Predict(papers[i], probabilities);
            if (!probabilities.SequenceEqual(sequential[i])) Interlocked.Increment(ref mismatches);
        });

        Assert.Equal(0, mismatches);
        output.WriteLine($"concurrency: {work.Length} predictions on 8 threads matched the single-threaded ones");
    }

    [Fact]
    public void All_cores_write_byte_for_byte_what_one_thread_writes_with_the_real_model()
    {
        var classifier = ModelBundleFile.Load(trained.BundlePath).Classifier;
        var path = Path.Combine(_dir, "load.jsonl");
        using (var w = new StreamWriter(path))
        {
            var random = new Random(940);
            for (var i = 0; i < 4_000; i++) w.WriteLine(Encoding.UTF8.GetString(JsonlRecord(random, i, 0.05).Line));
        }
        using var one = new MemoryStream();
        using var all = new MemoryStream();
        var rejectsOne = new StringWriter();
        var rejectsAll = new StringWriter();

        BatchScorer.Score([path], classifier, one, rejectsOne, new ScoringOptions(DegreeOfParallelism: 1, Reader: Reader));
        BatchScorer.Score([path], classifier, all, rejectsAll, new ScoringOptions(BatchSize: 256, DegreeOfParallelism: 0, Reader: Reader));

        Assert.Equal(one.ToArray(), all.ToArray());
        Assert.Equal(rejectsOne.ToString(), rejectsAll.ToString());
        Assert.True(one.Length > 250_000);
    }
}
