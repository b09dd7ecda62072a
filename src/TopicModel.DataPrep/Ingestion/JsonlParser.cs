using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using TopicModel.DataPrep.Papers;
using TopicModel.ML;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// Streams JSON Lines: one object per line with string <c>title</c> and <c>abstract</c>, optional
/// <c>id</c> (string or number) and <c>date</c> (ISO yyyy-MM-dd, or an ISO date-time whose date part is
/// used). One line in memory at a time; a bad line is rejected and reading goes on.
/// </summary>
internal static class JsonlParser
{
    /// <param name="firstLine">The stream's first line number in the file (a shard's part starts mid-file).</param>
    /// <param name="wholeFile">The stream is the whole file: a file with no papers at all is an error (a part of one may have none).</param>
    public static IEnumerable<ReadItem> Parse(Stream stream, string file, string digest, ReaderOptions options, long firstLine = 1, bool wholeFile = true)
    {
        if (options.DeferJsonlParsing) return Lines(stream, new JsonlSource(file, digest, options, wholeFile), firstLine);
        return ParseHere(stream, file, digest, options, firstLine, wholeFile);
    }

    private static IEnumerable<ReadItem> ParseHere(Stream stream, string file, string digest, ReaderOptions options, long firstLine, bool wholeFile)
    {
        long papers = 0, records = 0;
        RejectedRecord? firstReject = null;
        foreach (var raw in LineSource.ReadRaw(stream, options.MaxLineLength, firstLine))
        {
            if (IsBlank(raw, options.MaxLineLength)) continue;
            records++;
            var item = ParseLine(raw, file, digest, options);
            if (item.Paper is not null) papers++;
            else firstReject ??= item.Rejected;
            yield return item;
        }
        if (papers == 0 && wholeFile)
        {
            throw records == 0
                ? new TopicModelException("the file has no records (empty or blank lines only)", file)
                : new TopicModelException($"no papers among {records} JSONL records; the first problem: {firstReject!.Reason}", file, firstReject.Line);
        }
    }

    /// <summary>
    /// The non-blank lines as <see cref="JsonlLine"/>s to parse elsewhere (<see cref="JsonlLine.Parse"/>), each in a
    /// buffer of its own. Whether a whole file had no papers is known only once its lines are parsed:
    /// <see cref="JsonlSource.ThrowIfNoPapers"/>. A file without records fails here, as <see cref="ParseHere"/> does.
    /// </summary>
    private static IEnumerable<ReadItem> Lines(Stream stream, JsonlSource source, long firstLine)
    {
        long records = 0;
        foreach (var raw in LineSource.ReadRaw(stream, source.Options.MaxLineLength, firstLine))
        {
            if (IsBlank(raw, source.Options.MaxLineLength)) continue;
            records++;
            yield return ReadItem.Of(JsonlLine.Copy(source, raw));
        }
        source.End(records);
        if (records == 0 && source.WholeFile)
            throw new TopicModelException("the file has no records (empty or blank lines only)", source.File);
    }

    /// <summary><see cref="SourceLine.IsBlank"/> without decoding the line, unless it holds non-ASCII bytes and no other text.</summary>
    private static bool IsBlank(RawLine raw, int maxLineLength)
    {
        if (raw.Overflow) return false;
        var maybe = true;
        foreach (var b in raw.Bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or 0x0B or 0x0C or (byte)'\r') continue;
            if (b < 0x80) return false;
            maybe = false;
        }
        return maybe || LineSource.Decode(raw.Bytes, raw.Number, raw.Overflow, maxLineLength).IsBlank;
    }

    /// <summary>
    /// One line's paper or reject, wherever it is parsed (the reader, or a scoring thread). A line of valid UTF-8 within
    /// the limits is parsed from its bytes (no string of the line); any other line is decoded, which names its problem.
    /// </summary>
    internal static ReadItem ParseLine(RawLine raw, string file, string digest, ReaderOptions options)
    {
        var bytes = LineSource.Content(raw.Bytes, raw.Number, raw.Overflow);
        if (raw.Overflow || bytes.Length > options.MaxLineLength || LineSource.IndexOfControl(bytes) >= 0 || !Utf8.IsValid(bytes))
        {
            // Decoding names the problem; a line longer in bytes than the limit may still be within it in characters.
            var line = LineSource.Decode(raw.Bytes, raw.Number, raw.Overflow, options.MaxLineLength);
            if (line.Problem != LineProblem.None) return ReadItem.Of(Reject(file, line, line.Detail!, options));
        }
        return ParseUtf8(bytes, raw.Number, file, digest, options);
    }

    /// <summary>
    /// The checks in order, each with its message: the whole line must be one JSON value, then an object, then title,
    /// abstract, id, date; of a property given twice the last counts.
    /// </summary>
    private static ReadItem ParseUtf8(ReadOnlySpan<byte> bytes, long number, string file, string digest, ReaderOptions options)
    {
        var reader = new Utf8JsonReader(bytes);
        Utf8JsonReader title = default, @abstract = default, id = default, date = default;
        bool hasTitle = false, hasAbstract = false, hasId = false, hasDate = false;
        long dateStart = 0, dateEnd = 0;
        JsonTokenType root;
        try
        {
            reader.Read();
            root = reader.TokenType;
            if (root == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var which = reader.ValueTextEquals("title"u8) ? 1 : reader.ValueTextEquals("abstract"u8) ? 2
                        : reader.ValueTextEquals("id"u8) ? 3 : reader.ValueTextEquals("date"u8) ? 4 : 0;
                    reader.Read();
                    switch (which)
                    {
                        case 1: title = reader; hasTitle = true; break;
                        case 2: @abstract = reader; hasAbstract = true; break;
                        case 3: id = reader; hasId = true; break;
                        case 4: date = reader; hasDate = true; dateStart = reader.TokenStartIndex; break;
                    }
                    reader.Skip();
                    if (which == 4) dateEnd = reader.BytesConsumed;
                }
            }
            else
            {
                reader.Skip();
            }
            // Anything after the one value is an error.
            while (reader.Read()) { }
        }
        catch (JsonException e)
        {
            return ReadItem.Of(Reject(file, number, bytes, $"not valid JSON: {TopicModel.ML.IO.JsonErrors.Describe(e)}", options));
        }
        if (root != JsonTokenType.StartObject)
            return ReadItem.Of(Reject(file, number, bytes, $"expected a JSON object with \"title\" and \"abstract\", found {Kind(root)}", options));
        if (!TryText(hasTitle, title, "title", out var titleText, out var problem) || !TryText(hasAbstract, @abstract, "abstract", out var abstractText, out problem))
            return ReadItem.Of(Reject(file, number, bytes, problem, options));

        string? sourceId = null;
        if (hasId)
        {
            switch (id.TokenType)
            {
                case JsonTokenType.String:
                    if (!TryString(id, out sourceId)) return ReadItem.Of(Reject(file, number, bytes, LoneSurrogate("id"), options));
                    break;
                case JsonTokenType.Number: sourceId = Encoding.UTF8.GetString(id.ValueSpan); break;
                case JsonTokenType.Null: break;
                default: return ReadItem.Of(Reject(file, number, bytes, $"\"id\" must be a string or a number, found {Kind(id.TokenType)}", options));
            }
        }

        DateOnly? parsedDate = null;
        if (hasDate && date.TokenType != JsonTokenType.Null)
        {
            if (date.TokenType != JsonTokenType.String || !TryString(date, out var dateText) || !IsoDate.TryParse(dateText, out var parsed))
            {
                var raw = Encoding.UTF8.GetString(bytes[(int)dateStart..(int)dateEnd]);
                return ReadItem.Of(Reject(file, number, bytes, $"\"date\" must be an ISO date (yyyy-MM-dd), found {raw}", options));
            }
            parsedDate = parsed;
        }
        return ReadItem.Of(Paper.FromInput(titleText, abstractText, digest, parsedDate, sourceId, number));
    }

    private static bool TryText(bool present, Utf8JsonReader value, string name, out string text, out string problem)
    {
        text = "";
        problem = "";
        if (!present)
        {
            problem = $"missing \"{name}\"";
            return false;
        }
        if (value.TokenType != JsonTokenType.String)
        {
            problem = $"\"{name}\" must be a string, found {Kind(value.TokenType)}";
            return false;
        }
        if (!TryString(value, out var raw))
        {
            problem = LoneSurrogate(name);
            return false;
        }
        text = TextCleaner.Clean(raw);
        if (text.Length == 0)
        {
            problem = $"\"{name}\" is empty";
            return false;
        }
        return true;
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "an object",
    };

    private static RejectedRecord Reject(string file, long number, ReadOnlySpan<byte> bytes, string reason, ReaderOptions options) =>
        new(file, number, reason, TextCleaner.Excerpt(Encoding.UTF8.GetString(bytes), options.MaxRawLength));

    /// <summary>
    /// A JSON string's text; false when it escapes half of a UTF-16 surrogate pair ("\\ud800" alone), which is valid
    /// JSON but no text (System.Text.Json throws InvalidOperationException for it).
    /// </summary>
    private static bool TryString(Utf8JsonReader value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static string LoneSurrogate(string name) => $"\"{name}\" is not valid text: a \\u escape of half a UTF-16 surrogate pair without the other half";

    private static RejectedRecord Reject(string file, SourceLine line, string reason, ReaderOptions options) =>
        new(file, line.Number, reason, TextCleaner.Excerpt(line.Text, options.MaxRawLength));
}
