using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TopicModel.ML;
using TopicModel.ML.IO;

namespace TopicModel.Training.Scoring;

/// <summary>
/// Writes scored papers in the order given: JSON Lines or CSV (UTF-8, '\n', one record per line), or Parquet (row groups,
/// complete on <see cref="Flush"/> at the end; see <see cref="ParquetRows"/>).
/// </summary>
public sealed class ScoredPaperWriter : IDisposable
{
    /// <summary>The error of Parquet output in a native-AOT build (`topicmodel-score`), which has no Parquet writer.</summary>
    public const string ParquetNeedsJit =
        "Parquet output is not available in the native topicmodel-score (Parquet.Net needs reflection that native code lacks): score to .jsonl or .csv, or use `topicmodel score`";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _stream;
    private readonly OutputFormat _format;
    private readonly Utf8JsonWriter? _json;
    private readonly StreamWriter? _csv;
    private readonly ParquetRows? _parquet;

    private readonly bool _topicMixture;

    /// <param name="topicMixture">Records carry a topic mixture: adds the <c>topicMixture</c> field (JSONL) or column (CSV).</param>
    /// <param name="header">Write the CSV header line; off when appending to an output that has it.</param>
    public ScoredPaperWriter(Stream stream, OutputFormat format, bool topicMixture = false, bool header = true)
        : this(stream, format, topicMixture, header, ParquetRows.DefaultRowGroupSize)
    {
    }

    /// <param name="parquetRowGroupSize">Rows per Parquet row group (tests make it small to write several).</param>
    internal ScoredPaperWriter(Stream stream, OutputFormat format, bool topicMixture, bool header, int parquetRowGroupSize)
    {
        _stream = stream;
        _format = format;
        _topicMixture = topicMixture;
        if (format == OutputFormat.Jsonl)
        {
            _json = new Utf8JsonWriter(stream, JsonOptions);
        }
        else if (format == OutputFormat.Parquet)
        {
            // Parquet.Net maps the row types by reflection and compiled expressions; a native-AOT build compiles this out.
            if (!RuntimeFeature.IsDynamicCodeSupported) throw new TopicModelException(ParquetNeedsJit);
            _parquet = new ParquetRows(stream, topicMixture, parquetRowGroupSize);
        }
        else
        {
            _csv = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            if (header) _csv.Write(CsvHeader(topicMixture) + "\n");
        }
    }

    /// <summary>The CSV header line (without its newline).</summary>
    public static string CsvHeader(bool topicMixture) =>
        topicMixture ? "id,title,digest,topic,probability,top,topics,topicMixture" : "id,title,digest,topic,probability,top,topics";

    public void Write(ScoredPaper paper)
    {
        CheckMixture(paper, _topicMixture);
        if (_format == OutputFormat.Jsonl)
        {
            WriteJson(paper, _json!);
            _json!.Flush();
            _json.Reset();
            _stream.WriteByte((byte)'\n');
        }
        else if (_format == OutputFormat.Parquet)
        {
            _parquet!.Add(paper, Round, Share);
        }
        else
        {
            WriteCsv(paper, _csv!);
        }
    }

    /// <summary>
    /// The JSON Lines record <see cref="Write"/> writes for <paramref name="paper"/>, '\n' included, made on any thread
    /// (scoring workers encode their own records; <see cref="WriteJsonLine"/> then only copies the bytes in order).
    /// </summary>
    public static byte[] JsonLine(ScoredPaper paper, bool topicMixture)
    {
        CheckMixture(paper, topicMixture);
        var (buffer, json) = t_encoder ??= (new ArrayBufferWriter<byte>(1024), new Utf8JsonWriter(Stream.Null, JsonOptions));
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        WriteJson(paper, json);
        json.Flush();
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a record <see cref="JsonLine"/> made; JSON Lines output only.</summary>
    public void WriteJsonLine(byte[] line)
    {
        if (_format != OutputFormat.Jsonl) throw new InvalidOperationException($"a JSON Lines record cannot go to {_format} output");
        _stream.Write(line);
    }

    [ThreadStatic] private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json)? t_encoder;

    private static void CheckMixture(ScoredPaper paper, bool topicMixture)
    {
        if (topicMixture != paper.TopicMixture is not null)
            throw new InvalidOperationException(topicMixture ? $"paper {paper.Id} has no topic mixture" : $"paper {paper.Id} has a topic mixture the output was not opened for");
    }

    /// <summary>Writes out everything buffered. For Parquet this completes the file: call it once, at the end.</summary>
    public void Flush()
    {
        _parquet?.Complete();
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

    // Property names encoded once (writing them from strings checks and escapes them on every record).
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id"), TitleName = JsonEncodedText.Encode("title"),
        DigestName = JsonEncodedText.Encode("digest"), TopicName = JsonEncodedText.Encode("topic"),
        ProbabilityName = JsonEncodedText.Encode("probability"), TopName = JsonEncodedText.Encode("top"),
        TopicsName = JsonEncodedText.Encode("topics"), TopicMixtureName = JsonEncodedText.Encode("topicMixture");

    private static void WriteJson(ScoredPaper p, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString(IdName, p.Id);
        json.WriteString(TitleName, p.Title);
        json.WriteString(DigestName, p.Digest);
        json.WriteString(TopicName, p.Topic);
        json.WritePropertyName(ProbabilityName);
        WriteRounded(json, p.Probability, ProbabilityDecimals);
        // Indexed loops: foreach over an IReadOnlyList allocates an enumerator.
        json.WriteStartArray(TopName);
        for (var i = 0; i < p.Top.Count; i++)
        {
            var t = p.Top[i];
            json.WriteStartObject();
            json.WriteString(TopicName, t.Topic);
            json.WritePropertyName(ProbabilityName);
            WriteRounded(json, t.Probability, ProbabilityDecimals);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray(TopicsName);
        for (var i = 0; i < p.Topics.Count; i++) json.WriteStringValue(p.Topics[i]);
        json.WriteEndArray();
        if (p.TopicMixture is { } mixture)
        {
            json.WriteStartArray(TopicMixtureName);
            for (var i = 0; i < mixture.Count; i++) WriteRounded(json, mixture[i], ShareDecimals);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>The value rounded as <see cref="Round"/> or <see cref="Share"/> rounds it, the same bytes as writing that double.</summary>
    private static void WriteRounded(Utf8JsonWriter json, float value, int decimals)
    {
        var rounded = Math.Round((double)value, decimals);
        Span<byte> text = stackalloc byte[RoundedNumber.MaxLength];
        if (RoundedNumber.TryFormat(rounded, decimals, text, out var written)) json.WriteRawValue(text[..written], skipInputValidation: true);
        else json.WriteNumberValue(rounded);
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
        csv.Write(',');
        csv.Write(CsvText.Quote(string.Join(';', p.Topics)));
        if (p.TopicMixture is { } mixture)
        {
            csv.Write(',');
            csv.Write(string.Join(';', mixture.Select(m => Share(m).ToString(CultureInfo.InvariantCulture))));
        }
        csv.Write('\n');
    }

    /// <summary>Six decimals: enough to rank and calibrate, and stable across runs.</summary>
    private static double Round(float p) => Math.Round((double)p, ProbabilityDecimals);

    private const int ProbabilityDecimals = 6, ShareDecimals = 4;

    /// <summary>
    /// Four decimals for topic shares: further digits say nothing a reader can use (the fold-in's estimate is not
    /// that exact), and K numbers per record would otherwise dominate the output size.
    /// </summary>
    private static double Share(float p) => Math.Round((double)p, ShareDecimals);
}
