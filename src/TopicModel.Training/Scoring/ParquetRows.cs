using System.Text.Json.Serialization;
using Parquet;
using Parquet.Serialization;
using Parquet.Serialization.Attributes;

namespace TopicModel.Training.Scoring;

/// <summary>
/// Scored papers as Parquet (Parquet.Net): the CSV's columns with their types, <c>top</c> as a list of
/// (topic, probability) structs and <c>topicMixture</c> as a list of doubles. Rows are buffered and written a row
/// group at a time, so memory stays bounded whatever the input size. Numbers are rounded as in the JSONL and CSV.
/// </summary>
internal sealed class ParquetRows(Stream stream, bool topicMixture, int rowGroupSize = ParquetRows.DefaultRowGroupSize)
{
    public const int DefaultRowGroupSize = 50_000;
    private readonly List<object> _rows = new(Math.Min(rowGroupSize, 4096));
    private bool _started;

    public void Add(ScoredPaper p, Func<float, double> round, Func<float, double> share)
    {
        var top = p.Top.Select(t => new TopRow { Topic = t.Topic, Probability = round(t.Probability) }).ToList();
        _rows.Add(topicMixture
            ? new MixtureRow { Id = p.Id, Title = p.Title, Digest = p.Digest, Topic = p.Topic, Probability = round(p.Probability), Top = top, Topics = [.. p.Topics], TopicMixture = p.TopicMixture!.Select(share).ToList() }
            : new Row { Id = p.Id, Title = p.Title, Digest = p.Digest, Topic = p.Topic, Probability = round(p.Probability), Top = top, Topics = [.. p.Topics] });
        if (_rows.Count >= rowGroupSize) WriteGroup();
    }

    /// <summary>Writes the buffered rows as a row group; the first call also writes the file when there are no rows at all.</summary>
    public void Complete()
    {
        if (_rows.Count > 0 || !_started) WriteGroup();
    }

    private void WriteGroup()
    {
        // Each call writes a complete file or appends a row group to it (Parquet.Net rewrites the footer).
        var options = new ParquetOptions { Append = _started, RowGroupSize = Math.Max(1, _rows.Count) };
        var task = topicMixture
            ? ParquetSerializer.SerializeAsync(_rows.Cast<MixtureRow>().ToList(), stream, options)
            : ParquetSerializer.SerializeAsync(_rows.Cast<Row>().ToList(), stream, options);
        task.GetAwaiter().GetResult();
        _rows.Clear();
        _started = true;
    }

    // Two row types rather than one derived from the other: the serializer puts a derived class's properties first.
    internal sealed class Row
    {
        [JsonPropertyName("id"), ParquetRequired] public string Id { get; init; } = "";
        [JsonPropertyName("title"), ParquetRequired] public string Title { get; init; } = "";
        [JsonPropertyName("digest"), ParquetRequired] public string Digest { get; init; } = "";
        [JsonPropertyName("topic"), ParquetRequired] public string Topic { get; init; } = "";
        [JsonPropertyName("probability")] public double Probability { get; init; }
        [JsonPropertyName("top")] public List<TopRow> Top { get; init; } = [];
        [JsonPropertyName("topics")] public List<string> Topics { get; init; } = [];
    }

    internal sealed class MixtureRow
    {
        [JsonPropertyName("id"), ParquetRequired] public string Id { get; init; } = "";
        [JsonPropertyName("title"), ParquetRequired] public string Title { get; init; } = "";
        [JsonPropertyName("digest"), ParquetRequired] public string Digest { get; init; } = "";
        [JsonPropertyName("topic"), ParquetRequired] public string Topic { get; init; } = "";
        [JsonPropertyName("probability")] public double Probability { get; init; }
        [JsonPropertyName("top")] public List<TopRow> Top { get; init; } = [];
        [JsonPropertyName("topics")] public List<string> Topics { get; init; } = [];
        [JsonPropertyName("topicMixture")] public List<double> TopicMixture { get; init; } = [];
    }

    internal sealed class TopRow
    {
        [JsonPropertyName("topic"), ParquetRequired] public string Topic { get; init; } = "";
        [JsonPropertyName("probability")] public double Probability { get; init; }
    }
}
