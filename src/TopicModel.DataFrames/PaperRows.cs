using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.ML;

namespace TopicModel.DataFrames;

/// <summary>A paper read from a row of an IDataView, with the row's topic when it has one (a reviewed label).</summary>
public sealed record PaperRow(Paper Paper, string? Topic);

/// <summary>The rows of an IDataView as papers, and the rows that are not papers (e.g. an empty title), numbered from 1.</summary>
public sealed record PaperRowSet(IReadOnlyList<PaperRow> Papers, IReadOnlyList<RejectedRecord> Rejects);

/// <summary>
/// An <see cref="IDataView"/> (a <c>DataFrame</c> is one) as papers, for training and scoring from ML.NET code. Columns,
/// matched by name ignoring case: <c>title</c> and <c>abstract</c> (text, required), and optionally <c>id</c> (text or
/// a number: the input's own id), <c>date</c> (a date-time, or ISO yyyy-MM-dd text), <c>digest</c> (text: which digest
/// the paper came from; the search's folds keep a digest's days together) and <c>topic</c> (text: a reviewed label,
/// empty for none). Each row goes through the same reader as a JSON Lines file, so a paper read from a row has the
/// same id, cleaned text and checks as the same paper read from a file; a row that is not a paper is a reject that
/// names its row number.
/// </summary>
public static class PaperRows
{
    public const string Title = "title";
    public const string Abstract = "abstract";
    public const string Id = "id";
    public const string Date = "date";
    public const string Digest = "digest";
    public const string Topic = "topic";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="source">Names the rows in errors and rejects (as a file name would).</param>
    /// <param name="digest">The digest of rows without a <c>digest</c> column or with an empty one.</param>
    public static PaperRowSet Read(IDataView rows, string source = "rows", string digest = "rows")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = Columns.Of(rows.Schema, source);
        var records = new List<Record>();
        using (var cursor = rows.GetRowCursor(columns.All))
        {
            var title = TextGetter(cursor, columns.Title);
            var @abstract = TextGetter(cursor, columns.Abstract);
            var id = columns.Id is { } i ? IdGetter(cursor, i) : null;
            var date = columns.Date is { } d ? DateGetter(cursor, d) : null;
            var digestOf = columns.Digest is { } g ? TextGetter(cursor, g) : null;
            var topic = columns.Topic is { } t ? TextGetter(cursor, t) : null;
            var row = 0L;
            while (cursor.MoveNext())
            {
                row++;
                var rowDigest = digestOf?.Invoke() is { Length: > 0 } named ? named : digest;
                var json = JsonSerializer.Serialize(new Dictionary<string, string?>
                {
                    [Title] = title(),
                    [Abstract] = @abstract(),
                    [Id] = id?.Invoke(),
                    [Date] = date?.Invoke(),
                }, Json);
                records.Add(new Record(row, rowDigest, json, topic?.Invoke() is { Length: > 0 } label ? label.Trim() : null));
            }
        }

        // One reader pass per digest; the reader gives exactly one paper or reject per line, in order.
        var papers = new List<(long Row, PaperRow Paper)>();
        var rejects = new List<RejectedRecord>();
        foreach (var group in records.GroupBy(r => r.Digest, StringComparer.Ordinal))
        {
            var inDigest = group.ToArray();
            var text = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', inDigest.Select(r => r.Json))));
            var n = 0;
            try
            {
                foreach (var item in PaperReader.Read(text, source + ".jsonl", group.Key, new ReaderOptions { Format = InputFormat.Jsonl }))
                {
                    if (item.Warning is not null) continue;
                    var record = inDigest[n++];
                    if (item.Paper is { } paper) papers.Add((record.Row, new PaperRow(paper with { Line = record.Row }, record.Topic)));
                    else if (item.Rejected is { } reject) rejects.Add(reject with { File = source, Line = record.Row, Raw = record.Json });
                }
            }
            catch (TopicModelException) when (n == inDigest.Length)
            {
                // The reader's "a file without papers" error, after every row was read: here those rows are rejects.
            }
        }
        return new PaperRowSet([.. papers.OrderBy(p => p.Row).Select(p => p.Paper)], [.. rejects.OrderBy(r => r.Line)]);
    }

    private sealed record Record(long Row, string Digest, string Json, string? Topic);

    private sealed record Columns(DataViewSchema.Column Title, DataViewSchema.Column Abstract, DataViewSchema.Column? Id,
        DataViewSchema.Column? Date, DataViewSchema.Column? Digest, DataViewSchema.Column? Topic)
    {
        public IEnumerable<DataViewSchema.Column> All =>
            new[] { Title, Abstract, Id, Date, Digest, Topic }.Where(c => c is not null).Select(c => c!.Value);

        public static Columns Of(DataViewSchema schema, string source)
        {
            DataViewSchema.Column? Find(string name, bool required, Func<DataViewType, bool> accepts, string expected)
            {
                var matches = schema.Where(c => !c.IsHidden && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).ToArray();
                if (matches.Length > 1)
                    throw new TopicModelException($"two columns named '{name}' (ignoring case): {string.Join(", ", matches.Select(c => c.Name))}", source);
                if (matches.Length == 0)
                {
                    if (!required) return null;
                    throw new TopicModelException(
                        $"no '{name}' column; the papers need {PaperRows.Title} and {PaperRows.Abstract} text columns (found: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"{c.Name} ({c.Type})"))})", source);
                }
                if (!accepts(matches[0].Type))
                    throw new TopicModelException($"column '{matches[0].Name}' is {matches[0].Type}; expected {expected}", source);
                return matches[0];
            }
            static bool IsText(DataViewType t) => t is TextDataViewType;
            return new Columns(
                Find(PaperRows.Title, true, IsText, "text")!.Value,
                Find(PaperRows.Abstract, true, IsText, "text")!.Value,
                Find(PaperRows.Id, false, t => IsText(t) || IsNumber(t), "text or a number"),
                Find(PaperRows.Date, false, t => IsText(t) || t is DateTimeDataViewType || t is DateTimeOffsetDataViewType, "a date-time or ISO date text"),
                Find(PaperRows.Digest, false, IsText, "text"),
                Find(PaperRows.Topic, false, IsText, "text"));
        }

        private static bool IsNumber(DataViewType t) => t is NumberDataViewType;
    }

    private static Func<string?> TextGetter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var get = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> value = default;
        return () =>
        {
            get(ref value);
            return value.ToString();
        };
    }

    /// <summary>An empty optional cell (a DataFrame's null string reads as empty) is no value.</summary>
    private static Func<string?> Optional(Func<string?> get) => () => get() is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static Func<string?> IdGetter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type is TextDataViewType) return Optional(TextGetter(cursor, column));
        return column.Type.RawType switch
        {
            var t when t == typeof(int) => Number<int>(cursor, column),
            var t when t == typeof(long) => Number<long>(cursor, column),
            var t when t == typeof(uint) => Number<uint>(cursor, column),
            var t when t == typeof(ulong) => Number<ulong>(cursor, column),
            var t when t == typeof(short) => Number<short>(cursor, column),
            var t when t == typeof(float) => Number<float>(cursor, column),
            var t when t == typeof(double) => Number<double>(cursor, column),
            _ => throw new TopicModelException($"column '{column.Name}' is {column.Type}; expected text or a number"),
        };
    }

    private static Func<string?> Number<T>(DataViewRowCursor cursor, DataViewSchema.Column column) where T : IFormattable
    {
        var get = cursor.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            get(ref value);
            // A missing number (NaN in a DataFrame's float column) is no id.
            return value is float f && float.IsNaN(f) || value is double d && double.IsNaN(d) ? null : value.ToString(null, CultureInfo.InvariantCulture);
        };
    }

    private static Func<string?> DateGetter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type is TextDataViewType) return Optional(TextGetter(cursor, column));
        if (column.Type is DateTimeOffsetDataViewType)
        {
            var getOffset = cursor.GetGetter<DateTimeOffset>(column);
            DateTimeOffset offset = default;
            return () =>
            {
                getOffset(ref offset);
                return offset == default ? null : offset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            };
        }
        var get = cursor.GetGetter<DateTime>(column);
        DateTime value = default;
        // A DataFrame's null date reads as default(DateTime): no date.
        return () =>
        {
            get(ref value);
            return value == default ? null : value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        };
    }
}
