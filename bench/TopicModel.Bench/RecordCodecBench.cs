using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.Training.Bundles;
using TopicModel.Training.Scoring;

namespace TopicModel.Bench;

/// <summary>
/// `record-codec BUNDLE INPUT.jsonl [N]`: where a scoring worker's CPU goes outside the model, piece by piece (thread CPU,
/// fastest of 3 passes, µs per paper): the JSON Lines parse (tokens only, the title and abstract strings, the paper id,
/// the whole <see cref="JsonlLine.Parse"/>) and the JSON Lines encoding of the scored record (the whole
/// <see cref="ScoredPaperWriter.JsonLine"/>, and its numbers alone as <see cref="Utf8JsonWriter"/> formats doubles).
/// </summary>
public static class RecordCodecBench
{
    public static void Run(string bundlePath, string input, int limit)
    {
        var bundle = ModelBundleFile.Load(bundlePath);
        var lda = bundle.Lda;
        var forScoring = BatchScorer.ForScoring(null);
        var raw = File.ReadLines(input).Take(limit).Select(Encoding.UTF8.GetBytes).ToArray();
        var lines = new List<JsonlLine>(limit);
        void Cut()
        {
            lines.Clear();
            foreach (var item in PaperReader.Read(input, forScoring))
            {
                lines.Add(item.Line!);
                if (lines.Count == limit) break;
            }
        }
        var papers = new List<Paper>(limit);
        var cut = ScoreProfile.Measure(Cut);
        var parse = ScoreProfile.Measure(() =>
        {
            Cut();
            papers.Clear();
            foreach (var line in lines)
                if (line.Parse().Paper is { } p) papers.Add(p);
        }) - cut;
        var n = papers.Count;
        // As a worker parses: each paper is garbage soon after (the profile above keeps all N alive, so the GC copies them).
        var parseDropped = ScoreProfile.Measure(() =>
        {
            Cut();
            foreach (var line in lines) line.Parse();
        }) - cut;
        var tokens = ScoreProfile.Measure(() =>
        {
            foreach (var bytes in raw)
            {
                var reader = new Utf8JsonReader(bytes);
                while (reader.Read()) { }
            }
        });
        var strings = ScoreProfile.Measure(() =>
        {
            foreach (var bytes in raw)
            {
                var reader = new Utf8JsonReader(bytes);
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && (reader.ValueTextEquals("title"u8) || reader.ValueTextEquals("abstract"u8)))
                    {
                        reader.Read();
                        reader.GetString();
                    }
                }
            }
        });
        var ids = ScoreProfile.Measure(() =>
        {
            foreach (var p in papers) PaperId.FromTitle(p.Title);
        });
        var canonical = papers.Select(p => Encoding.UTF8.GetBytes(TopicModel.ML.Text.TextNormalizer.Canonical(p.Title))).ToArray();
        var sha = ScoreProfile.Measure(() =>
        {
            Span<byte> hash = stackalloc byte[32];
            foreach (var c in canonical) System.Security.Cryptography.SHA256.HashData(c, hash);
        });

        var scored = papers.Select(p => BatchScorer.Classify(p, bundle.Classifier, 3, lda)).ToArray();
        var withMixture = lda is not null;
        var encode = ScoreProfile.Measure(() =>
        {
            foreach (var s in scored) ScoredPaperWriter.JsonLine(s, withMixture);
        });
        var buffer = new ArrayBufferWriter<byte>(1024);
        var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var numbers = ScoreProfile.Measure(() =>
        {
            foreach (var s in scored)
            {
                buffer.ResetWrittenCount();
                json.Reset(buffer);
                json.WriteStartArray();
                json.WriteNumberValue(Math.Round((double)s.Probability, 6));
                foreach (var t in s.Top) json.WriteNumberValue(Math.Round((double)t.Probability, 6));
                foreach (var m in s.TopicMixture ?? []) json.WriteNumberValue(Math.Round((double)m, 4));
                json.WriteEndArray();
                json.Flush();
            }
        });
        // The encoder and the paper id as they were before issue 21's fifth round, alternating with today's in this
        // process (a before/after across builds carries more noise than these differences on a shared machine).
        double oldEncode = double.MaxValue, newEncode = double.MaxValue, oldId = double.MaxValue, newId = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            oldEncode = Math.Min(oldEncode, ScoreProfile.Measure(() => { foreach (var s in scored) OldJsonLine(s, json, buffer); }));
            newEncode = Math.Min(newEncode, ScoreProfile.Measure(() => { foreach (var s in scored) ScoredPaperWriter.JsonLine(s, withMixture); }));
            oldId = Math.Min(oldId, ScoreProfile.Measure(() => { foreach (var p in papers) OldPaperId(p.Title); }));
            newId = Math.Min(newId, ScoreProfile.Measure(() => { foreach (var p in papers) PaperId.FromTitle(p.Title); }));
        }
        foreach (var s in scored)
        {
            if (!OldJsonLine(s, json, buffer).AsSpan().SequenceEqual(ScoredPaperWriter.JsonLine(s, withMixture)))
                throw new InvalidOperationException($"{s.Id}: the encoders differ");
        }
        if (papers.Any(p => OldPaperId(p.Title) != PaperId.FromTitle(p.Title))) throw new InvalidOperationException("the paper ids differ");
        var numberCount = scored.Sum(s => 1 + s.Top.Count + (s.TopicMixture?.Count ?? 0)) / (double)n;
        // The whole job as `score` runs it (reader thread, workers, ordered writer) on the whole input, to Stream.Null:
        // what it allocates and how often the GC ran.
        var (allocated, gen0, gen1, gen2) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var job = BatchScorer.Score([input], bundle, Stream.Null, TextWriter.Null, new ScoringOptions());
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        (gen0, gen1, gen2) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
        Console.WriteLine($"BatchScorer.Score of the whole input ({job.Scored:N0} papers): {allocated / job.Scored:N0} bytes allocated per paper, GCs gen0 {gen0} gen1 {gen1} gen2 {gen2}");
        Console.WriteLine($"{n:N0} papers, one thread, CPU µs per paper (fastest of 3 passes after a warm-up):");
        Console.WriteLine("| piece | µs per paper |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| cut into lines (reader thread) | {cut / n * 1e6:F2} |");
        Console.WriteLine($"| parse: JsonlLine.Parse, whole | {parse / n * 1e6:F2} |");
        Console.WriteLine($"| parse, each paper dropped at once | {parseDropped / n * 1e6:F2} |");
        Console.WriteLine($"| — Utf8JsonReader, tokens only | {tokens / n * 1e6:F2} |");
        Console.WriteLine($"| — tokens + title and abstract strings | {strings / n * 1e6:F2} |");
        Console.WriteLine($"| — paper id (PaperId.FromTitle) | {ids / n * 1e6:F2} |");
        Console.WriteLine($"| — of which SHA-256 of the canonical title | {sha / n * 1e6:F2} |");
        Console.WriteLine($"| encode: ScoredPaperWriter.JsonLine, whole | {encode / n * 1e6:F2} |");
        Console.WriteLine($"| — its {numberCount:F0} numbers through Utf8JsonWriter | {numbers / n * 1e6:F2} |");
        Console.WriteLine($"| same process, alternating, best of 7 × 3: encode before / now | {oldEncode / n * 1e6:F2} / {newEncode / n * 1e6:F2} |");
        Console.WriteLine($"| same process, alternating, best of 7 × 3: paper id before / now | {oldId / n * 1e6:F2} / {newId / n * 1e6:F2} |");
    }

    /// <summary>The record as <see cref="ScoredPaperWriter.JsonLine"/> encoded it before: property names from strings, numbers by the writer.</summary>
    private static byte[] OldJsonLine(ScoredPaper p, Utf8JsonWriter json, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("id", p.Id);
        json.WriteString("title", p.Title);
        json.WriteString("digest", p.Digest);
        json.WriteString("topic", p.Topic);
        json.WriteNumber("probability", Math.Round((double)p.Probability, 6));
        json.WriteStartArray("top");
        foreach (var t in p.Top)
        {
            json.WriteStartObject();
            json.WriteString("topic", t.Topic);
            json.WriteNumber("probability", Math.Round((double)t.Probability, 6));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("topics");
        foreach (var t in p.Topics) json.WriteStringValue(t);
        json.WriteEndArray();
        if (p.TopicMixture is { } mixture)
        {
            json.WriteStartArray("topicMixture");
            foreach (var m in mixture) json.WriteNumberValue(Math.Round((double)m, 4));
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.Flush();
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The paper id as <see cref="PaperId.FromTitle"/> computed it before: canonical title string, its UTF-8 array, SHA-256.</summary>
    private static string OldPaperId(string title)
    {
        var folded = TopicModel.ML.Text.TextNormalizer.Fold(title);
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()), hash);
        return Convert.ToHexStringLower(hash[..6]);
    }
}

/// <summary>
/// `number-sweep [DECIMALS...]`: every float from 0 to 1 (1,065,353,217 values) rounded to each number of decimals
/// (default 6 and 4), written by <see cref="RoundedNumber"/> and by <see cref="Utf8JsonWriter.WriteNumberValue(double)"/>
/// as <see cref="ScoredPaperWriter"/> did before; prints how many differ (must be 0) and how many the fast path took.
/// </summary>
public static class NumberSweep
{
    public static void Run(int[] decimalsList)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        var json = new Utf8JsonWriter(buffer);
        Span<byte> text = stackalloc byte[RoundedNumber.MaxLength];
        var one = BitConverter.SingleToInt32Bits(1f);
        foreach (var decimals in decimalsList)
        {
            long fast = 0, differ = 0;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var bits = 0; bits <= one; bits++)
            {
                var rounded = Math.Round((double)BitConverter.Int32BitsToSingle(bits), decimals);
                if (!RoundedNumber.TryFormat(rounded, decimals, text, out var written)) continue;
                fast++;
                buffer.ResetWrittenCount();
                json.Reset(buffer);
                json.WriteNumberValue(rounded);
                json.Flush();
                if (!buffer.WrittenSpan.SequenceEqual(text[..written]))
                {
                    if (differ++ < 10) Console.WriteLine($"differs: {rounded:R} writer {Encoding.UTF8.GetString(buffer.WrittenSpan)} ours {Encoding.UTF8.GetString(text[..written])}");
                }
            }
            Console.WriteLine($"{decimals} decimals: {one + 1L:N0} floats in [0, 1], {fast:N0} through the fast path, {differ:N0} differ from Utf8JsonWriter ({clock.Elapsed.TotalSeconds:F0} s)");
        }
    }
}
