using System.Text;
using CsvHelper;
using TopicModel.DataPrep.Papers;
using TopicModel.ML;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// Streams a comma-separated file whose header names <c>title</c> and <c>abstract</c> columns (any case,
/// any order; optional <c>id</c> and <c>date</c>). Quoted fields may span lines. A row with the wrong
/// number of fields, bad quoting, an empty title/abstract, a bad date or a bad line inside it is rejected
/// at the line where the row starts; <see cref="Paper.Line"/> is that line too.
/// </summary>
internal static class CsvPaperParser
{
    public static IEnumerable<ReadItem> Parse(Stream stream, string file, string digest, ReaderOptions options)
    {
        using var lines = new LineTextReader(LineSource.Read(stream, options.MaxLineLength).GetEnumerator());
        // The reader scans ahead in blocks, so malformed records are reported before they are returned: keep them by start line.
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var csvOptions = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = r => malformed.TryAdd(r.LineNumber, r.Reason),
        };
        using var csv = CsvReader.Create(lines, csvOptions, leaveOpen: true);

        string[] header;
        try
        {
            header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        }
        catch (CsvFormatException e)
        {
            throw new TopicModelException($"unreadable CSV header: {e.Message}", file, 1, e);
        }
        if (header.Length == 0 || header is [""])
            throw new TopicModelException("the file has no records (empty or blank lines only)", file);
        var title = Array.IndexOf(header, "title");
        var abs = Array.IndexOf(header, "abstract");
        if (title < 0 || abs < 0)
            throw new TopicModelException(
                $"not a papers CSV: the header must name 'title' and 'abstract' columns, found: {string.Join(", ", header)}", file, 1);
        var columns = new Columns(header.Length, title, abs, Array.IndexOf(header, "id"), Array.IndexOf(header, "date"));

        long papers = 0, records = 0;
        RejectedRecord? firstReject = null;
        while (Next(csv, file))
        {
            records++;
            var item = Record(csv, lines, malformed, columns, file, digest, options);
            if (item.Paper is not null) papers++;
            else firstReject ??= item.Rejected;
            yield return item;
        }
        if (papers == 0)
        {
            throw records == 0
                ? new TopicModelException("the CSV has a header but no rows", file, 1)
                : new TopicModelException($"no papers among {records} CSV rows; the first problem: {firstReject!.Reason}", file, firstReject.Line);
        }
    }

    private readonly record struct Columns(int Count, int Title, int Abstract, int Id, int Date);

    private static bool Next(CsvReader csv, string file)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new TopicModelException($"unreadable CSV: {e.Message}", file, e.LineNumber > 0 ? e.LineNumber : null, e);
        }
    }

    private static ReadItem Record(CsvReader csv, LineTextReader lines, Dictionary<long, CsvMalformedReason> malformed,
        Columns columns, string file, string digest, ReaderOptions options)
    {
        var raw = Encoding.UTF8.GetString(csv.RawRecord);
        var start = csv.LineNumber;
        var end = start + raw.Count(c => c == '\n');
        RejectedRecord Reject(long line, string reason) => new(file, line, reason, TextCleaner.Excerpt(raw, options.MaxRawLength));

        SourceLine? problem = null;
        while (lines.Problems.TryPeek(out var p) && p.Number <= end)
        {
            lines.Problems.Dequeue();
            if (p.Number >= start) problem ??= p;
        }
        if (problem is { } bad) return ReadItem.Of(Reject(bad.Number, bad.Detail!));
        if (malformed.Remove(start, out var reason)) return ReadItem.Of(Reject(start, $"malformed CSV quoting ({reason})"));
        if (csv.FieldCount != columns.Count)
            return ReadItem.Of(Reject(start, $"row has {csv.FieldCount} fields but the header has {columns.Count}"));

        var t = TextCleaner.Clean(csv.GetString(columns.Title));
        var a = TextCleaner.Clean(csv.GetString(columns.Abstract));
        if (t.Length == 0) return ReadItem.Of(Reject(start, "empty 'title'"));
        if (a.Length == 0) return ReadItem.Of(Reject(start, "empty 'abstract'"));
        var sourceId = columns.Id >= 0 && !csv.IsEmpty(columns.Id) ? csv.GetString(columns.Id).Trim() : null;
        DateOnly? date = null;
        if (columns.Date >= 0 && !csv.IsEmpty(columns.Date))
        {
            var text = csv.GetString(columns.Date).Trim();
            if (!IsoDate.TryParse(text, out var d))
                return ReadItem.Of(Reject(start, $"'date' must be an ISO date (yyyy-MM-dd), found '{text}'"));
            date = d;
        }
        return ReadItem.Of(Paper.FromInput(t, a, digest, date, string.IsNullOrEmpty(sourceId) ? null : sourceId, start));
    }
}
