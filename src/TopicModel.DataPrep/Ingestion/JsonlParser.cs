using System.Text.Json;
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
        long papers = 0, records = 0;
        RejectedRecord? firstReject = null;
        foreach (var line in LineSource.Read(stream, options.MaxLineLength, firstLine))
        {
            if (line.IsBlank) continue;
            records++;
            var item = line.Problem != LineProblem.None
                ? ReadItem.Of(Reject(file, line, line.Detail!, options))
                : ParseLine(line, file, digest, options);
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

    private static ReadItem ParseLine(SourceLine line, string file, string digest, ReaderOptions options)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line.Text);
        }
        catch (JsonException e)
        {
            return ReadItem.Of(Reject(file, line, $"not valid JSON: {TopicModel.ML.IO.JsonErrors.Describe(e)}", options));
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return ReadItem.Of(Reject(file, line, $"expected a JSON object with \"title\" and \"abstract\", found {Kind(root)}", options));
            if (!TryText(root, "title", out var title, out var problem) || !TryText(root, "abstract", out var @abstract, out problem))
                return ReadItem.Of(Reject(file, line, problem, options));

            string? sourceId = null;
            if (root.TryGetProperty("id", out var id))
            {
                switch (id.ValueKind)
                {
                    case JsonValueKind.String: sourceId = id.GetString(); break;
                    case JsonValueKind.Number: sourceId = id.GetRawText(); break;
                    case JsonValueKind.Null: break;
                    default: return ReadItem.Of(Reject(file, line, $"\"id\" must be a string or a number, found {Kind(id)}", options));
                }
            }

            DateOnly? date = null;
            if (root.TryGetProperty("date", out var d) && d.ValueKind != JsonValueKind.Null)
            {
                if (d.ValueKind != JsonValueKind.String || !IsoDate.TryParse(d.GetString()!, out var parsed))
                    return ReadItem.Of(Reject(file, line, $"\"date\" must be an ISO date (yyyy-MM-dd), found {d.GetRawText()}", options));
                date = parsed;
            }
            return ReadItem.Of(new Paper(PaperId.FromTitle(title), title, @abstract, digest, date, sourceId, line.Number));
        }
    }

    private static bool TryText(JsonElement root, string name, out string value, out string problem)
    {
        value = "";
        problem = "";
        if (!root.TryGetProperty(name, out var el))
        {
            problem = $"missing \"{name}\"";
            return false;
        }
        if (el.ValueKind != JsonValueKind.String)
        {
            problem = $"\"{name}\" must be a string, found {Kind(el)}";
            return false;
        }
        value = TextCleaner.Clean(el.GetString()!);
        if (value.Length == 0)
        {
            problem = $"\"{name}\" is empty";
            return false;
        }
        return true;
    }

    private static string Kind(JsonElement el) => el.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };

    private static RejectedRecord Reject(string file, SourceLine line, string reason, ReaderOptions options) =>
        new(file, line.Number, reason, TextCleaner.Excerpt(line.Text, options.MaxRawLength));
}
