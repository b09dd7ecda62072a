using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TopicModel.ML.IO;

namespace TopicModel.Training.Scoring;

/// <summary>Writes scored papers as JSON Lines or CSV (UTF-8, '\n'), one record per line, in the order given.</summary>
public sealed class ScoredPaperWriter : IDisposable
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _stream;
    private readonly OutputFormat _format;
    private readonly Utf8JsonWriter? _json;
    private readonly StreamWriter? _csv;

    public ScoredPaperWriter(Stream stream, OutputFormat format)
    {
        _stream = stream;
        _format = format;
        if (format == OutputFormat.Jsonl)
        {
            _json = new Utf8JsonWriter(stream, JsonOptions);
        }
        else
        {
            _csv = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            _csv.Write("id,title,digest,topic,probability,top\n");
        }
    }

    public void Write(ScoredPaper paper)
    {
        if (_format == OutputFormat.Jsonl) WriteJson(paper, _json!);
        else WriteCsv(paper, _csv!);
    }

    public void Flush()
    {
        _json?.Flush();
        _csv?.Flush();
        _stream.Flush();
    }

    public void Dispose()
    {
        Flush();
        _json?.Dispose();
        _csv?.Dispose();
    }

    private void WriteJson(ScoredPaper p, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", p.Id);
        json.WriteString("title", p.Title);
        json.WriteString("digest", p.Digest);
        json.WriteString("topic", p.Topic);
        json.WriteNumber("probability", Round(p.Probability));
        json.WriteStartArray("top");
        foreach (var t in p.Top)
        {
            json.WriteStartObject();
            json.WriteString("topic", t.Topic);
            json.WriteNumber("probability", Round(t.Probability));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        json.Reset();
        _stream.WriteByte((byte)'\n');
    }

    private static void WriteCsv(ScoredPaper p, TextWriter csv)
    {
        var top = string.Join(';', p.Top.Select(t => $"{t.Topic}:{Round(t.Probability).ToString(CultureInfo.InvariantCulture)}"));
        csv.Write(CsvText.Quote(p.Id));
        csv.Write(',');
        csv.Write(CsvText.Quote(p.Title));
        csv.Write(',');
        csv.Write(CsvText.Quote(p.Digest));
        csv.Write(',');
        csv.Write(CsvText.Quote(p.Topic));
        csv.Write(',');
        csv.Write(Round(p.Probability).ToString(CultureInfo.InvariantCulture));
        csv.Write(',');
        csv.Write(CsvText.Quote(top));
        csv.Write('\n');
    }

    /// <summary>Six decimals: enough to rank and calibrate, and stable across runs.</summary>
    private static double Round(float p) => Math.Round((double)p, 6);
}
