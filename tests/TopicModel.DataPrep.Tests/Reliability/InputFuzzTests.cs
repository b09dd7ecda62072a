using System.Text;
using System.Text.Json;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.TestSupport;
using Xunit.Abstractions;

namespace TopicModel.DataPrep.Tests.Reliability;

/// <summary>
/// Seeded fuzzing of every text input a user hands us: digests, JSON Lines, CSV, stdin (format sniffed),
/// taxonomies and reviewed labels. Inputs are mutations of windows of the shipped files (so most reach
/// deep into the parsers) plus purely random bytes. Every input must read completely or fail with a
/// TopicModelException naming the file; see <see cref="FuzzHarness"/> for the memory and hang checks.
/// Small line limits make the over-long-line paths fire too. Counts are printed and listed in docs/reliability.md.
/// </summary>
public sealed class InputFuzzTests(ITestOutputHelper output)
{
    private static readonly ReaderOptions Options = new() { MaxLineLength = 4096, MaxDigestBytes = 1 << 20, DigestYear = 2024 };
    private static readonly string[] DigestLines = File.ReadAllLines(RepoPaths.TrainingDigest);
    private static readonly string[] CorpusLines = File.ReadLines(Path.Combine(RepoPaths.Data, "corpus", "hf-daily-papers-2025.jsonl")).Take(200).ToArray();

    /// <summary>A window of lines of a shipped file, the header kept so the digest header logic is reached too.</summary>
    private static byte[] Window(string[] lines, Random random, int headerLines)
    {
        var start = random.Next(lines.Length);
        var window = lines.Take(headerLines).Concat(lines.Skip(start).Take(random.Next(2, 40)));
        return Encoding.UTF8.GetBytes(string.Join('\n', window) + "\n");
    }

    private static byte[] Csv(Random random)
    {
        var sb = new StringBuilder("id,title,abstract,date\n");
        foreach (var line in CorpusLines.Skip(random.Next(CorpusLines.Length)).Take(random.Next(1, 20)))
        {
            var p = JsonDocument.Parse(line).RootElement;
            string Q(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";
            sb.Append(Q(p.GetProperty("id").GetString()!)).Append(',').Append(Q(p.GetProperty("title").GetString()!)).Append(',')
              .Append(Q(p.GetProperty("abstract").GetString()!)).Append(",2025-03-0").Append(random.Next(1, 10)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Mostly mutated real input, sometimes the real input untouched, sometimes random bytes.</summary>
    private static Func<int, byte[]> Inputs(Mutator mutator, Func<Random, byte[]> seedInput) => i => (i % 10) switch
    {
        0 => mutator.RandomBytes(2048),
        1 => seedInput(mutator.Random),
        _ => mutator.Mutate(seedInput(mutator.Random), maxSteps: 6),
    };

    private static void ReadAll(byte[] bytes, string source)
    {
        foreach (var item in PaperReader.Read(new MemoryStream(bytes), source, "fuzz", Options))
        {
            if (item.Paper is { } p && (p.Title.Length == 0 || p.Abstract.Length == 0 || p.Title.Length > Options.MaxLineLength))
                throw new InvalidOperationException($"reader invented a paper: '{p.Title}' at line {p.Line}");
            if (item.Rejected is { } r && (r.File != source || r.Line < 1 || r.Raw.Length > Options.MaxRawLength + 1))
                throw new InvalidOperationException($"reject without a usable position: {r}");
        }
    }

    private void Campaign(string name, int cases, int seed, Func<Random, byte[]> seedInput, string source)
    {
        var mutator = new Mutator(seed);
        var report = FuzzHarness.Run(name, cases, Inputs(mutator, seedInput), bytes => ReadAll(bytes, source), source);
        output.WriteLine(report.ToString());
        // Both outcomes must occur, or the campaign only ever exercised one path.
        Assert.True(report.Succeeded > cases / 20 && report.Refused > 0, report.ToString());
    }

    [Fact]
    public void Mutated_and_random_digests_read_or_fail_with_the_file_and_line() =>
        Campaign("digest", 2000, 901, r => Window(DigestLines, r, headerLines: 6), "fuzz.txt");

    [Fact]
    public void Mutated_and_random_jsonl_reads_or_fails_with_the_file_and_line() =>
        Campaign("jsonl", 2000, 902, r => Window(CorpusLines, r, headerLines: 0), "fuzz.jsonl");

    [Fact]
    public void Mutated_and_random_csv_reads_or_fails_with_the_file_and_line() =>
        Campaign("csv", 1500, 903, Csv, "fuzz.csv");

    [Fact]
    public void Mutated_input_on_stdin_is_sniffed_and_reads_or_fails_naming_stdin() =>
        Campaign("stdin", 1500, 904, r => (r.Next(3)) switch
        {
            0 => Window(DigestLines, r, headerLines: 6),
            1 => Window(CorpusLines, r, headerLines: 0),
            _ => Csv(r),
        }, PaperReader.StdinPath);

    [Fact]
    public void Mutated_and_random_taxonomies_load_or_fail_with_the_file()
    {
        var shipped = File.ReadAllBytes(RepoPaths.Taxonomy);
        var mutator = new Mutator(905);
        var report = FuzzHarness.Run("taxonomy", 2000, Inputs(mutator, _ => shipped),
            bytes => TaxonomyReader.Parse(Encoding.UTF8.GetString(bytes), "fuzz-taxonomy.json"), "fuzz-taxonomy.json");
        output.WriteLine(report.ToString());
        Assert.True(report.Succeeded > 0 && report.Refused > 0, report.ToString());
    }

    [Fact]
    public void Mutated_and_random_reviewed_labels_load_or_fail_with_the_file()
    {
        var taxonomy = TaxonomyReader.Read(RepoPaths.Taxonomy);
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Labels, "train-000.jsonl"));
        var mutator = new Mutator(906);
        var report = FuzzHarness.Run("labels", 1500, Inputs(mutator, r => Window(lines, r, headerLines: 0)),
            bytes => ReviewedLabelReader.Read(new StringReader(Encoding.UTF8.GetString(bytes)), "fuzz-labels.jsonl", taxonomy), "fuzz-labels.jsonl");
        output.WriteLine(report.ToString());
        Assert.True(report.Succeeded > 0 && report.Refused > 0, report.ToString());
    }
}
