using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TopicModel.ML.IO;

namespace TopicModel.DataPrep.Preparation;

/// <summary>
/// Writes prepared papers to a folder: papers.jsonl (everything, with a probability per topic),
/// papers.csv (the same minus the probabilities, for spreadsheets) and, when records were rejected, rejects.jsonl
/// (a stale one from an earlier run is removed). Each file is written atomically.
/// </summary>
public static class PreparedDataWriter
{
    public const int FormatVersion = 1;
    public const string RejectsFileName = "rejects.jsonl";
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Write(PreparedData data, string directory)
    {
        AtomicFile.CreateDirectory(directory);
        var jsonl = Path.Combine(directory, "papers.jsonl");
        var csv = Path.Combine(directory, "papers.csv");
        var rejects = Path.Combine(directory, RejectsFileName);
        AtomicFile.Write(jsonl, s => WriteJsonl(data, s));
        AtomicFile.WriteText(csv, w => WriteCsv(data, w));
        if (data.Rejects.Count == 0)
        {
            if (File.Exists(rejects)) File.Delete(rejects);
            return [jsonl, csv];
        }
        AtomicFile.Write(rejects, s => WriteRejects(data, s));
        return [jsonl, csv, rejects];
    }

    public static void WriteJsonl(PreparedData data, Stream stream)
    {
        var topics = data.Taxonomy.Ids;
        using var json = new Utf8JsonWriter(stream, Options);
        foreach (var p in data.Papers)
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteString("id", p.Paper.Id);
            if (p.Paper.SourceId is { } sid) json.WriteString("sourceId", sid);
            json.WriteString("title", p.Paper.Title);
            json.WriteString("abstract", p.Paper.Abstract);
            json.WriteString("digest", p.Paper.Digest);
            if (p.Paper.Date is { } date) json.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("line", p.Paper.Line);
            json.WriteString("split", SplitName(p.Split));
            json.WriteString("topic", p.Label.Topic);
            json.WriteString("labelSource", p.Label.Source.ToString().ToLowerInvariant());
            if (p.Weak is { } weak)
            {
                json.WriteString("weakTopic", weak.Topic);
                json.WriteNumber("weakProbability", Math.Round(weak.Probabilities[data.Taxonomy.IndexOf(weak.Topic)], 6));
            }
            if (p.Reviewed is { } reviewed)
            {
                json.WriteString("reviewedTopic", reviewed.Topic);
                json.WriteStartArray("secondary");
                foreach (var s in reviewed.Secondary) json.WriteStringValue(s);
                json.WriteEndArray();
            }
            json.WriteStartArray("firedFunctions");
            foreach (var f in p.Label.FiredFunctions) json.WriteStringValue(f);
            json.WriteEndArray();
            json.WriteStartObject("probabilities");
            for (var t = 0; t < topics.Count; t++) json.WriteNumber(topics[t], Math.Round(p.Label.Probabilities[t], 6));
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    public static void WriteCsv(PreparedData data, TextWriter w)
    {
        w.Write("id,title,digest,date,split,topic,labelSource,weakTopic,weakProbability,reviewedTopic,firedFunctions\n");
        foreach (var p in data.Papers)
        {
            var weakP = p.Weak is { } weak ? Math.Round(weak.Probabilities[data.Taxonomy.IndexOf(weak.Topic)], 6).ToString(CultureInfo.InvariantCulture) : "";
            string[] fields =
            [
                p.Paper.Id, p.Paper.Title, p.Paper.Digest,
                p.Paper.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                SplitName(p.Split), p.Label.Topic, p.Label.Source.ToString().ToLowerInvariant(),
                p.Weak?.Topic ?? "", weakP, p.Reviewed?.Topic ?? "", string.Join(';', p.Label.FiredFunctions),
            ];
            w.Write(string.Join(',', fields.Select(CsvText.Quote)));
            w.Write('\n');
        }
    }

    private static void WriteRejects(PreparedData data, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        foreach (var r in data.Rejects)
        {
            json.WriteStartObject();
            json.WriteString("file", r.File);
            json.WriteNumber("line", r.Line);
            json.WriteString("reason", r.Reason);
            json.WriteString("raw", r.Raw);
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    public static string SplitName(Split split) => split switch
    {
        Split.Train => "train",
        Split.HeldOut => "heldOut",
        _ => "unlabeled",
    };

}
