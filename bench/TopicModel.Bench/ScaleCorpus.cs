using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TopicModel.Bench;

/// <summary>
/// Builds the scale corpus of bench/compare.sh from ../shared/corpus: the real abstracts once each
/// (de-duplicated by id and by normalized title), split by paper into train and held-out parts, then
/// repeated with varied ids to the sizes the speed measurements need. Every set is written twice: as
/// our JSONL and as fastText's "__label__X text" lines (lower-cased, punctuation split off, which is
/// the preprocessing fastText's own tutorials use).
/// </summary>
/// <remarks>
/// Label = the paper's first arXiv category; the 13 most frequent keep their name and the long tail
/// (34 categories with fewer than 40 papers each) becomes "other": 14 classes, as in our taxonomy.
/// Held-out = the papers whose id hashes to 0 mod 5: distinct papers that never occur in a training set.
/// </remarks>
public static class ScaleCorpus
{
    public const int KeptCategories = 13;
    public const string Other = "other";
    private static readonly JsonSerializerOptions JsonOut = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Source(string id, string title, string @abstract, string? date, string[]? arxiv_categories);

    public sealed record Record(string Id, string Title, string Abstract, string Label);

    public static void Run(string corpusDir, string outDir, int trainSize, int[] scoreSizes)
    {
        var files = new[] { "arxiv-cs-listings.jsonl", "hf-daily-papers-2025.jsonl" }.Select(f => Path.Combine(corpusDir, f)).ToArray();
        foreach (var f in files)
        {
            if (!File.Exists(f)) throw new FileNotFoundException($"corpus file not found: {f}");
        }
        Directory.CreateDirectory(outDir);

        var papers = new List<Source>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var read = 0;
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var p = JsonSerializer.Deserialize<Source>(line)!;
                read++;
                if (string.IsNullOrWhiteSpace(p.title) || string.IsNullOrWhiteSpace(p.@abstract)) continue;
                if (!ids.Add(p.id) || !titles.Add(FastTextText(p.title))) continue;
                papers.Add(p);
            }
        }
        var counts = papers.GroupBy(FirstCategory).Select(g => (Category: g.Key, Count: g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Category, StringComparer.Ordinal).ToArray();
        var kept = counts.Take(KeptCategories).Select(c => c.Category).ToHashSet(StringComparer.Ordinal);
        var records = papers.Select(p => new Record(p.id, p.title, p.@abstract, kept.Contains(FirstCategory(p)) ? FirstCategory(p) : Other)).ToArray();
        var heldOut = records.Where(IsHeldOut).ToArray();
        var train = records.Where(r => !IsHeldOut(r)).ToArray();
        if (train.Select(r => r.Id).Intersect(heldOut.Select(r => r.Id)).Any()) throw new InvalidOperationException("split leaks papers");

        Console.WriteLine($"corpus: {papers.Count:N0} distinct papers ({read:N0} records read, duplicates by id or title dropped), {kept.Count + 1} classes " +
                          $"({string.Join(", ", kept.Order(StringComparer.Ordinal))}, {Other} = {counts.Length - KeptCategories} rare categories)");
        Console.WriteLine($"split by paper id: train {train.Length:N0}, held-out {heldOut.Length:N0}");

        Write(outDir, "heldout", heldOut);
        Write(outDir, "train-distinct", train);
        Write(outDir, $"train-{Name(trainSize)}", Repeat(train, trainSize, shuffleSeed: 42));
        foreach (var size in scoreSizes) Write(outDir, $"score-{Name(size)}", Repeat(records, size, shuffleSeed: null));
        File.WriteAllLines(Path.Combine(outDir, "classes.txt"), kept.Order(StringComparer.Ordinal).Append(Other));
    }

    public static string Name(int size) => size % 1_000_000 == 0 ? $"{size / 1_000_000}m" : size % 1000 == 0 ? $"{size / 1000}k" : size.ToString();

    private static string FirstCategory(Source p) => p.arxiv_categories is { Length: > 0 } c ? c[0] : Other;

    private static bool IsHeldOut(Record r)
    {
        var hash = 2166136261u;
        foreach (var ch in r.Id) hash = (hash ^ ch) * 16777619u;
        return hash % 5 == 0;
    }

    /// <summary>Copies of the records up to <paramref name="size"/>; copy r &gt; 0 gets id "&lt;id&gt;~r".</summary>
    private static IEnumerable<Record> Repeat(Record[] records, int size, int? shuffleSeed)
    {
        var order = Enumerable.Range(0, size).ToArray();
        if (shuffleSeed is { } seed) new Random(seed).Shuffle(order);
        foreach (var i in order)
        {
            var copy = i / records.Length;
            var r = records[i % records.Length];
            yield return copy == 0 ? r : r with { Id = $"{r.Id}~{copy}" };
        }
    }

    private static void Write(string outDir, string name, IEnumerable<Record> records)
    {
        var n = 0;
        using (var jsonl = new StreamWriter(Path.Combine(outDir, name + ".jsonl"), false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" })
        using (var ft = new StreamWriter(Path.Combine(outDir, name + ".ft"), false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" })
        {
            foreach (var r in records)
            {
                jsonl.WriteLine(JsonSerializer.Serialize(new { id = r.Id, title = r.Title, @abstract = r.Abstract, label = r.Label }, JsonOut));
                ft.Write("__label__");
                ft.Write(r.Label);
                ft.Write(' ');
                ft.Write(FastTextText(r.Title));
                ft.Write(" . ");
                ft.WriteLine(FastTextText(r.Abstract));
                n++;
            }
        }
        Console.WriteLine($"  {name}.jsonl / .ft: {n:N0} records");
    }

    /// <summary>Lower case, punctuation split into its own tokens, whitespace collapsed.</summary>
    public static string FastTextText(string text)
    {
        var sb = new StringBuilder(text.Length + 32);
        var space = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (!space) sb.Append(' ');
                space = true;
            }
            else
            {
                if (!space) sb.Append(' ');
                sb.Append(c).Append(' ');
                space = true;
            }
        }
        return sb.ToString().TrimEnd();
    }
}
