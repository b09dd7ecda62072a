using System.Text;
using TopicModel.DataPrep.Ingestion;
using TopicModel.ML;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Ingestion;

/// <summary>
/// JSON Lines read with <see cref="ReaderOptions.DeferJsonlParsing"/> (the reader only cuts lines; scoring threads parse
/// them from their bytes) give exactly what reading with parsing on gives: the same papers and the same rejects, with
/// the same messages and line numbers, in the same order, whatever order the lines are parsed in.
/// </summary>
public sealed class DeferredJsonlParsingTests
{
    private static readonly ReaderOptions Deferred = new() { DeferJsonlParsing = true, MaxLineLength = 4000 };
    private static readonly ReaderOptions Parsed = Deferred with { DeferJsonlParsing = false };

    /// <summary>Every kind of line the reader treats on its own, between real records of the forward 2026 set.</summary>
    private static readonly byte[][] OddLines =
    [
        "{\"title\": \"x\""u8.ToArray(), "[1,2]"u8.ToArray(), "\"str\""u8.ToArray(), "{\"title\": 5, \"abstract\": \"a\"}"u8.ToArray(),
        "{\"abstract\": \"a b\"}"u8.ToArray(), "{\"title\":\"t\",\"abstract\":\"  \"}"u8.ToArray(), "{\"title\":\"t\",\"abstract\":\"a\",\"id\":[1]}"u8.ToArray(),
        "{\"title\":\"t\",\"abstract\":\"a\",\"date\":\"2024-13-40\"}"u8.ToArray(), "{\"title\":\"t\",\"abstract\":\"a\",\"date\":{\"y\": [2024]}}"u8.ToArray(),
        "{\"title\":\"t\",\"abstract\":\"a\",\"id\":12.50e3,\"date\":\"2024-01-02\"}"u8.ToArray(), "{\"title\":\"a\",\"title\":\"b\",\"abstract\":\"c\"}"u8.ToArray(),
        "{\"ti\\u0074le\":\"escaped name\",\"abstract\":\"d\"}"u8.ToArray(), "{\"title\":\"t\",\"abstract\":\"a\"} x"u8.ToArray(),
        "{\"title\":\"t\",\"abstract\":\"a\",}"u8.ToArray(), "   "u8.ToArray(), "\t"u8.ToArray(), "{\"title\":\"t\\u00e9\",\"abstract\":\"a\\nb  c\"}"u8.ToArray(),
        "{\"title\":\"t\",\"abstract\":\"a\",\"date\":null,\"id\":null}"u8.ToArray(), "{\"title\":\"t\",\"abstract\":\"a\",\"date\":\"2024-01-02T10:00:00Z\"}"u8.ToArray(),
        "\u00a0 \u2028"u8.ToArray(), "{\"title\":\"caf\u00e9\u00a0x\",\"abstract\":\"y\"}"u8.ToArray(), "{\"title\":\"t\",\"abstract\":\"a\"}\r"u8.ToArray(),
        "{\"title\":\"t\",\"abstract\":\"a\",\"x\":{\"y\":[1,{\"z\":2}]}}"u8.ToArray(), "{\"title\":\"t\",\"abstract\":\"a\",\"date\":true}"u8.ToArray(), "nul"u8.ToArray(),
        "{\"title\":null,\"abstract\":\"a\"}"u8.ToArray(), "{\"title\":\"t\",\"abstract\":[\"a\"]}"u8.ToArray(), "{\"a\":1 \"b\":2}"u8.ToArray(),
        "[1,\u0001]"u8.ToArray(), [.. "{\"title\":\"bad "u8, 0xFF, .. " utf8\",\"abstract\":\"a\"}"u8], "\u200b"u8.ToArray(),
        Encoding.UTF8.GetBytes("{\"title\":\"long\",\"abstract\":\"" + new string('y', 5000) + "\"}"),
        Encoding.UTF8.GetBytes("{\"title\":\"wide\",\"abstract\":\"" + new string('\u00e9', 2500) + "\"}"),
        "{\"title\":\"t\",\"abstract\":\"a\",\"id\":\"\\\"quoted\\\"\"}"u8.ToArray(), ""u8.ToArray(),
        "{\"title\":\"half \\ud800 a pair\",\"abstract\":\"a\"}"u8.ToArray(), "{\"title\":\"t\",\"abstract\":\"a\",\"id\":\"\\udc00\"}"u8.ToArray(),
        "{\"title\":\"t\",\"abstract\":\"a\",\"date\":\"\\ud800\"}"u8.ToArray(), "{\"title\":\"pair \\ud83d\\ude00 whole\",\"abstract\":\"a\"}"u8.ToArray(),
    ];

    private static byte[] MixedFile()
    {
        var real = File.ReadLines(Path.Combine(RepoPaths.Data, "forward", "forward-2026.jsonl")).Where(l => l.Length > 0).Take(OddLines.Length + 5).ToArray();
        var bytes = new List<byte>();
        bytes.AddRange("\uFEFF"u8.ToArray()); // a byte order mark before line 1
        for (var i = 0; i < real.Length; i++)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(real[i]));
            bytes.AddRange(i % 3 == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
            if (i >= OddLines.Length) continue;
            bytes.AddRange(OddLines[i]);
            bytes.Add((byte)'\n');
        }
        return [.. bytes];
    }

    private static List<ReadItem> ParseAll(IEnumerable<ReadItem> deferred, bool backwards)
    {
        var items = deferred.ToList();
        Assert.All(items, item => Assert.NotNull(item.Line));
        var parsed = new ReadItem[items.Count];
        var order = Enumerable.Range(0, items.Count);
        foreach (var i in backwards ? order.Reverse() : order) parsed[i] = items[i].Line!.Parse();
        items[^1].Line!.Source.ThrowIfNoPapers();
        return [.. parsed];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Deferred_lines_parse_to_the_readers_own_papers_and_rejects(bool backwards)
    {
        using var dir = new TempDirectory();
        var path = dir.WriteBytes("mixed.jsonl", MixedFile());

        var expected = PaperReader.Read(path, Parsed).ToList();
        var actual = ParseAll(PaperReader.Read(path, Deferred), backwards);

        Assert.True(expected.Count(i => i.Rejected is not null) >= 20, "the file must exercise the rejects");
        Assert.True(expected.Count(i => i.Paper is not null) >= 40);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Paper, actual[i].Paper);
            Assert.Equal(expected[i].Rejected, actual[i].Rejected);
        }
    }

    [Fact]
    public void A_bad_record_in_the_middle_keeps_its_line_and_message_and_the_records_around_it()
    {
        using var dir = new TempDirectory();
        var real = File.ReadLines(Path.Combine(RepoPaths.Data, "forward", "forward-2026.jsonl")).Take(6).ToList();
        real.Insert(3, "{\"title\": \"Half a record\", \"abstract\": ");
        var path = dir.Write("middle.jsonl", string.Join("\n", real) + "\n");

        var items = ParseAll(PaperReader.Read(path, Deferred), backwards: true);

        Assert.Equal([1, 2, 3, 5, 6, 7], items.Where(i => i.Paper is not null).Select(i => i.Paper!.Line));
        var reject = Assert.Single(items, i => i.Rejected is not null).Rejected!;
        Assert.Equal(4, reject.Line);
        Assert.Equal(path, reject.File);
        Assert.Equal(PaperReader.Read(path, Parsed).Single(i => i.Rejected is not null).Rejected, reject);
        Assert.StartsWith("not valid JSON: ", reject.Reason);
    }

    [Fact]
    public void A_whole_file_without_papers_fails_once_its_lines_are_parsed_and_a_part_of_one_does_not()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("no-papers.jsonl", "\n{\"title\": \"no abstract\"}\n[1]\n");

        var expected = Assert.Throws<TopicModelException>(() => PaperReader.Read(path, Parsed).ToList());
        var items = PaperReader.Read(path, Deferred).ToList();
        foreach (var item in items) item.Line!.Parse();
        var actual = Assert.Throws<TopicModelException>(() => items[0].Line!.Source.ThrowIfNoPapers());

        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(2, actual.Line);
        Assert.Equal(expected.Line, actual.Line);
        var part = PaperReader.ReadLines(path, 2, new FileInfo(path).Length, Deferred).ToList();
        foreach (var item in part) item.Line!.Parse();
        part[0].Line!.Source.ThrowIfNoPapers();
    }

    [Fact]
    public void A_file_of_blank_lines_fails_while_reading_as_with_parsing_on()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("blank.jsonl", "\n  \n\t\n\u00a0\n");

        var expected = Assert.Throws<TopicModelException>(() => PaperReader.Read(path, Parsed).ToList());
        var actual = Assert.Throws<TopicModelException>(() => PaperReader.Read(path, Deferred).ToList());

        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void A_line_is_parsed_once()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("one.jsonl", File.ReadLines(Path.Combine(RepoPaths.Data, "forward", "forward-2026.jsonl")).First() + "\n");
        var line = PaperReader.Read(path, Deferred).Single().Line!;

        Assert.NotNull(line.Parse().Paper);
        Assert.Throws<InvalidOperationException>(() => line.Parse());
    }

    [Fact]
    public void Half_a_surrogate_pair_escaped_is_a_reject_not_a_crash()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("surrogate.jsonl", "{\"title\": \"ok\", \"abstract\": \"fine\"}\n{\"title\": \"x \\ud800\", \"abstract\": \"a\"}\n");

        foreach (var options in new[] { Parsed, Deferred })
        {
            var items = PaperReader.Read(path, options).Select(i => i.Line?.Parse() ?? i).ToList();
            var reject = Assert.Single(items, i => i.Rejected is not null).Rejected!;
            Assert.Equal(2, reject.Line);
            Assert.StartsWith("\"title\" is not valid text: a \\u escape of half a UTF-16 surrogate pair", reject.Reason);
        }
    }

    /// <summary>
    /// A scoring job holds a few thousand lines in flight: once parsed, their buffers are reused for the next lines, all
    /// of them (the shared pool kept a few dozen, so most lines got a new array: docs/benchmarks.md, issue 21 fifth round).
    /// </summary>
    [Fact]
    public void Thousands_of_lines_in_flight_reuse_the_buffers_of_lines_parsed_before()
    {
        var real = File.ReadLines(Path.Combine(RepoPaths.Data, "forward", "forward-2026.jsonl")).Where(l => l.Length > 0).ToArray();
        using var dir = new TempDirectory();
        var path = dir.WriteBytes("many.jsonl", Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 3000).Select(i => real[i % real.Length]))));
        var lineBytes = new FileInfo(path).Length;
        long InFlight()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            // Cut every line first, then parse them all, as with lines queued for busy workers.
            var lines = PaperReader.Read(path, Deferred).Select(i => i.Line!).ToList();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.All(lines, l => Assert.NotNull(l.Parse().Paper));
            return allocated;
        }
        var first = InFlight();
        var second = InFlight();
        Assert.True(second < lineBytes / 4, $"cutting {lineBytes:N0} bytes of lines allocated {first:N0} bytes, and {second:N0} the second time");
    }
}
