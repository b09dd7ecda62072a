using System.Text.Json;
using ParquetSharp;
using TopicModel.DataPrep.Ingestion;
using TopicModel.TestSupport;
using TopicModel.Training.Scoring;

namespace TopicModel.Training.Tests.Scoring;

/// <summary>
/// Parquet output (written with Parquet.Net) read back with an independent reader, ParquetSharp (Apache Arrow's C++
/// implementation): the same records as the JSONL writer gives for the same scored papers, with typed columns.
/// </summary>
public sealed class ParquetOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parquet-out").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The real papers of both seed digests, with deterministic probabilities and mixtures made from their text.</summary>
    private static List<ScoredPaper> Papers(bool mixture)
    {
        string[] topics = ["reasoning", "agents-tools", "code", "efficiency", "evaluation"];
        var papers = PaperReader.ReadAll([RepoPaths.HeldOutDigest, RepoPaths.TrainingDigest]).Papers;
        return papers.Select((p, n) =>
        {
            var weights = topics.Select((_, i) => 1f + (p.Title.Length * (i + 3) + p.Abstract[i % p.Abstract.Length]) % 17).ToArray();
            var total = weights.Sum();
            var top = weights.Select((w, i) => new TopicProbability(topics[i], w / total)).OrderByDescending(t => t.Probability).Take(3).ToArray();
            var shares = Enumerable.Range(0, 14).Select(k => 1f + (p.Abstract.Length + k * n) % 5).ToArray();
            var sum = shares.Sum();
            return new ScoredPaper(p.Id, p.Title, p.Digest, top[0].Topic, top[0].Probability, top, mixture ? shares.Select(s => s / sum).ToArray() : null);
        }).ToList();
    }

    private static byte[] Write(IEnumerable<ScoredPaper> papers, OutputFormat format, bool mixture, int rowGroupSize)
    {
        using var stream = new MemoryStream();
        using (var writer = new ScoredPaperWriter(stream, format, mixture, header: true, rowGroupSize))
        {
            foreach (var p in papers) writer.Write(p);
            writer.Flush();
        }
        return stream.ToArray();
    }

    [Theory]
    [InlineData(true, 100)]
    [InlineData(false, 50_000)]
    public void Parquet_holds_the_same_records_as_jsonl_with_typed_columns(bool mixture, int rowGroupSize)
    {
        var papers = Papers(mixture);
        var path = Path.Combine(_dir, "scored.parquet");
        File.WriteAllBytes(path, Write(papers, OutputFormat.Parquet, mixture, rowGroupSize));
        var jsonl = System.Text.Encoding.UTF8.GetString(Write(papers, OutputFormat.Jsonl, mixture, rowGroupSize))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        using var file = new ParquetFileReader(path);
        var schema = file.FileMetaData.Schema;
        var columns = Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i).Path.ToDotString()).ToList();
        Assert.Equal(
            ["id", "title", "digest", "topic", "probability", "top.list.element.topic", "top.list.element.probability", "topics.list.element", .. mixture ? new[] { "topicMixture.list.element" } : []],
            columns);
        Assert.Equal(papers.Count, file.FileMetaData.NumRows);
        Assert.Equal((papers.Count + rowGroupSize - 1) / rowGroupSize, file.FileMetaData.NumRowGroups);

        var row = 0;
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var group = file.RowGroup(g);
            var n = checked((int)group.MetaData.NumRows);
            var ids = group.Column(0).LogicalReader<string>().ReadAll(n);
            var titles = group.Column(1).LogicalReader<string>().ReadAll(n);
            var digests = group.Column(2).LogicalReader<string>().ReadAll(n);
            var topics = group.Column(3).LogicalReader<string>().ReadAll(n);
            var probabilities = group.Column(4).LogicalReader<double>().ReadAll(n);
            var topTopics = group.Column(5).LogicalReader<string[]>().ReadAll(n);
            var topProbabilities = group.Column(6).LogicalReader<double?[]>().ReadAll(n);
            var topicSets = group.Column(7).LogicalReader<string[]>().ReadAll(n);
            var mixtures = mixture ? group.Column(8).LogicalReader<double[]>().ReadAll(n) : null;
            for (var i = 0; i < n; i++, row++)
            {
                var expected = jsonl[row];
                Assert.Equal(expected.GetProperty("id").GetString(), ids[i]);
                Assert.Equal(expected.GetProperty("title").GetString(), titles[i]);
                Assert.Equal(expected.GetProperty("digest").GetString(), digests[i]);
                Assert.Equal(expected.GetProperty("topic").GetString(), topics[i]);
                Assert.Equal(expected.GetProperty("probability").GetDouble(), probabilities[i]);
                var top = expected.GetProperty("top").EnumerateArray().ToList();
                Assert.Equal(top.Select(t => t.GetProperty("topic").GetString()), topTopics[i]);
                Assert.Equal(top.Select(t => (double?)t.GetProperty("probability").GetDouble()), topProbabilities[i]);
                Assert.Equal(expected.GetProperty("topics").EnumerateArray().Select(t => t.GetString()), topicSets[i]);
                if (mixtures is not null)
                    Assert.Equal(expected.GetProperty("topicMixture").EnumerateArray().Select(e => e.GetDouble()), mixtures[i]);
            }
        }
        Assert.Equal(papers.Count, row);
    }

    [Fact]
    public void An_input_without_papers_still_gives_a_readable_file_with_the_columns()
    {
        var path = Path.Combine(_dir, "empty.parquet");
        File.WriteAllBytes(path, Write([], OutputFormat.Parquet, mixture: true, 100));

        using var file = new ParquetFileReader(path);
        Assert.Equal(0, file.FileMetaData.NumRows);
        Assert.Equal(9, file.FileMetaData.Schema.NumColumns);
    }
}
