using System.Text;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Scoring;

namespace TopicModel.Training.Tests.Scoring;

/// <summary>`score --shard I/N`: N shards' outputs, concatenated in shard order, are the one-machine output byte for byte.</summary>
public sealed class ShardingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shard-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Probabilities from the title's characters: deterministic, and different per paper.</summary>
    private sealed class TitleClassifier : IPaperClassifier
    {
        public IReadOnlyList<string> Topics { get; } = ["a", "b", "c"];

        public void Predict(Paper paper, Span<float> probabilities)
        {
            var total = 0f;
            for (var i = 0; i < probabilities.Length; i++) total += probabilities[i] = 1 + (paper.Title.Length * (i + 5) + paper.Title[i % paper.Title.Length]) % 13;
            for (var i = 0; i < probabilities.Length; i++) probabilities[i] /= total;
        }
    }

    /// <summary>
    /// Real inputs of every kind: the 2025 corpus as JSON Lines (with bad and blank lines mixed in, CRLF endings in part),
    /// both seed digests, a CSV of the corpus' first papers, and the corpus again as a second JSONL file.
    /// </summary>
    private string[] Inputs()
    {
        var corpus = File.ReadAllLines(Path.Combine(RepoPaths.Data, "corpus", "hf-daily-papers-2025.jsonl"));
        var mixed = Path.Combine(_dir, "a-mixed.jsonl");
        using (var w = new StreamWriter(mixed, false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < corpus.Length; i++)
            {
                if (i % 97 == 5) w.Write("{not json\n");
                if (i % 113 == 7) w.Write("\n");
                w.Write(corpus[i]);
                w.Write(i % 500 < 40 ? "\r\n" : "\n");
            }
        }
        var csv = Path.Combine(_dir, "c-papers.csv");
        File.WriteAllText(csv, "id,title,abstract\n" + string.Join("", Enumerable.Range(0, 60).Select(i => $"csv{i},\"A title, number {i}\",\"Line one\nline two of abstract {i}\"\n")));
        // The last input is a symbolic link, as when a folder of inputs links to files elsewhere: it is shared by its target's size.
        var target = Path.Combine(_dir, "target", "d-again.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllLines(target, corpus.Take(1500));
        var second = Path.Combine(_dir, "d-again.jsonl");
        File.CreateSymbolicLink(second, target);
        return [mixed, RepoPaths.TrainingDigest, csv, RepoPaths.HeldOutDigest, second];
    }

    private static (byte[] Output, string Rejects) Score(string[] inputs, OutputFormat format, Shard? shard, int threads = 2)
    {
        using var output = new MemoryStream();
        var rejects = new StringWriter();
        BatchScorer.Score(inputs, new TitleClassifier(), output, rejects, new ScoringOptions(format, Top: 2, BatchSize: 100, DegreeOfParallelism: threads, Shard: shard));
        return (output.ToArray(), rejects.ToString());
    }

    [Theory]
    [InlineData(OutputFormat.Jsonl, 2)]
    [InlineData(OutputFormat.Jsonl, 3)]
    [InlineData(OutputFormat.Jsonl, 16)]
    [InlineData(OutputFormat.Csv, 5)]
    public void Shard_outputs_concatenated_in_order_are_the_single_run_byte_for_byte(OutputFormat format, int shards)
    {
        var inputs = Inputs();
        var (whole, wholeRejects) = Score(inputs, format, shard: null);
        Assert.True(Encoding.UTF8.GetString(whole).Count(c => c == '\n') > 3000);
        Assert.Contains("not valid JSON", wholeRejects);

        var parts = Enumerable.Range(0, shards).Select(i => Score(inputs, format, new Shard(i, shards), threads: 1 + i % 2)).ToArray();

        Assert.Equal(whole, parts.SelectMany(p => p.Output).ToArray());
        Assert.Equal(wholeRejects, string.Concat(parts.Select(p => p.Rejects)));
        // The work is shared: no shard scores more than half of it, and the split JSONL files are divided between shards.
        Assert.All(parts, p => Assert.True(p.Output.Length < whole.Length / 2 + 100_000, $"{p.Output.Length} of {whole.Length} bytes"));
        Assert.True(parts.Count(p => Encoding.UTF8.GetString(p.Output).Contains("a-mixed")) >= Math.Min(shards, 2));
        // With five or more shards the linked last file (a third of the bytes) spans more than one: it is split by its target's size.
        if (shards >= 5) Assert.True(parts.Count(p => Encoding.UTF8.GetString(p.Output).Contains("d-again")) >= 2, "the linked file is split too");
    }

    [Fact]
    public void One_shard_of_one_is_the_whole_job()
    {
        var inputs = Inputs();
        Assert.Equal(Score(inputs, OutputFormat.Jsonl, null).Output, Score(inputs, OutputFormat.Jsonl, Shard.All).Output);
    }

    [Fact]
    public void The_plan_gives_every_byte_of_a_splittable_file_to_one_shard_and_other_files_whole_to_the_shard_of_their_first_byte()
    {
        var rng = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            var inputs = Enumerable.Range(0, rng.Next(1, 6))
                .Select(i => new ShardInput($"f{i}", rng.Next(4) == 0 ? 0 : rng.Next(1, 5000), SplitByLine: rng.Next(3) > 0)).ToArray();
            var n = rng.Next(1, 12);
            var plans = Enumerable.Range(0, n).Select(i => ShardPlan.Plan(inputs, new Shard(i, n))).ToArray();
            foreach (var input in inputs)
            {
                var slices = plans.SelectMany((p, shard) => p.Where(s => s.Path == input.Path).Select(s => (Shard: shard, Slice: s))).ToArray();
                if (!input.SplitByLine || input.Length == 0)
                {
                    var only = Assert.Single(slices);
                    Assert.True(only.Slice.Whole);
                    continue;
                }
                // Contiguous, in shard order, from 0 to the end.
                Assert.Equal(0, slices[0].Slice.Start);
                Assert.Equal(input.Length, slices[^1].Slice.End);
                for (var s = 1; s < slices.Length; s++)
                {
                    Assert.Equal(slices[s - 1].Slice.End, slices[s].Slice.Start);
                    Assert.True(slices[s].Shard > slices[s - 1].Shard);
                }
                Assert.Equal(slices.Length == 1, slices[0].Slice.Whole);
            }
            // Shard order is input order.
            var order = plans.SelectMany(p => p.Select(s => s.Path)).ToArray();
            Assert.Equal(order.Order(StringComparer.Ordinal), order);
        }
    }

    [Fact]
    public void A_file_split_by_line_ranges_reads_every_record_once_with_its_file_line_number()
    {
        var path = Inputs()[0];
        var whole = PaperReader.Read(path).ToArray();
        var length = new FileInfo(path).Length;
        // Cuts inside lines, on line breaks, inside a CRLF pair and at both ends.
        long[] cuts = [0, 1, 777, 4096, 100_000, 100_001, length / 2, length - 3, length];
        var parts = cuts.Zip(cuts.Skip(1), (a, b) => PaperReader.ReadLines(path, a, b).ToArray()).ToArray();

        Assert.Equal(whole.Select(Describe), parts.SelectMany(p => p).Select(Describe));
        Assert.Contains(parts.SelectMany(p => p), i => i.Rejected is { Line: > 1000 });
        static string Describe(ReadItem item) =>
            item.Paper is { } p ? $"{p.SourceId}:{p.Line}:{p.Title}" : item.Rejected is { } r ? $"reject {r.Line} {r.Reason}" : $"warning {item.Warning}";
    }

    [Theory]
    [InlineData("4/4", "between 0 and N-1 = 3")]
    [InlineData("-1/2", "between 0 and N-1 = 1")]
    [InlineData("1/0", "N at least 1")]
    [InlineData("two/3", "expected I/N")]
    [InlineData("1", "expected I/N")]
    public void A_bad_shard_names_what_is_wrong(string text, string message)
    {
        Assert.Contains(message, Assert.Throws<TopicModelException>(() => Shard.Parse(text)).Message);
        Assert.Equal(new Shard(2, 5), Shard.Parse("2/5"));
    }

    [Fact]
    public void Sharding_standard_input_is_refused()
    {
        var e = Assert.Throws<TopicModelException>(() => Score(["-"], OutputFormat.Jsonl, new Shard(0, 2)));
        Assert.Contains("standard input cannot be divided", e.Message);
    }
}
