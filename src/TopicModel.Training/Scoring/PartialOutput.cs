using TopicModel.ML;

namespace TopicModel.Training.Scoring;

/// <summary>
/// What an interrupted scoring run keeps: the records scored so far, complete and in input order, as
/// <c>&lt;output&gt;.partial</c> (and its rejects as <c>&lt;rejects&gt;.partial</c>). A resumed run copies them to the
/// front of the new output and skips that many input records, so the result equals an uninterrupted run's bytes.
/// </summary>
public static class PartialOutput
{
    public const string Suffix = ".partial";

    public static string PathOf(string output) => output + Suffix;

    /// <summary>Records in a partial output written by <see cref="ScoredPaperWriter"/> (the CSV header is not one).</summary>
    public static long CountRecords(string path, OutputFormat format)
    {
        var csv = format == OutputFormat.Csv;
        var lines = CountLines(path, csv);
        return csv ? Math.Max(0, lines - 1) : lines;
    }

    /// <summary>Checks that a partial CSV starts with the header this run would write, so records are not mixed across settings.</summary>
    public static void RequireCsvHeader(string path, bool topicMixture)
    {
        using var reader = new StreamReader(path);
        var first = reader.ReadLine();
        var expected = ScoredPaperWriter.CsvHeader(topicMixture);
        if (first != expected)
            throw new TopicModelException($"cannot resume: the partial output's header is '{first}', this run writes '{expected}' (were --no-topic-mixture or the model changed?)", path, 1);
    }

    /// <summary>Record separators: '\n', outside quotes in CSV (a quoted title may hold one; JSON strings never do, and escape '"').</summary>
    private static long CountLines(string path, bool csv)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        long lines = 0;
        var quoted = false;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (csv && b == (byte)'"') quoted = !quoted;
                else if (b == (byte)'\n' && !quoted) lines++;
            }
        }
        return lines;
    }
}
