using System.Text.Json;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;

namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// Reads reviewed labels: JSONL, one object per line,
/// <c>{"id": "...", "title": "...", "topic": "...", "secondary": ["..."], "digest": "..."}</c>.
/// Topics must belong to the taxonomy, ids must be the title's <see cref="PaperId"/>, and a paper
/// may be reviewed only once per digest across all files; any violation names the file and line.
/// A paper that appears in two digests may be reviewed in each (the seed digests share 19 papers),
/// but both reviews must give it the same primary topic: conflicting gold labels are an error.
/// Blank lines are skipped; unknown properties are ignored so the format can grow.
/// </summary>
public static class ReviewedLabelReader
{
    /// <summary>Every *.jsonl file of <paramref name="directory"/>, in ordinal file-name order.</summary>
    public static IReadOnlyList<ReviewedLabel> ReadDirectory(string directory, Taxonomy taxonomy)
    {
        if (!Directory.Exists(directory))
            throw new TopicModelException("reviewed-labels directory not found", directory);
        var files = Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal);
        return ReadFiles(files, taxonomy);
    }

    public static IReadOnlyList<ReviewedLabel> ReadFiles(IEnumerable<string> paths, Taxonomy taxonomy)
    {
        var labels = new List<ReviewedLabel>();
        var seen = new Dictionary<string, List<(ReviewedLabel Label, string Where)>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new TopicModelException("reviewed-labels file not found", path);
            using var reader = new StreamReader(path);
            Read(reader, path, taxonomy, labels, seen);
        }
        return labels;
    }

    /// <summary>Reads one JSONL stream; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<ReviewedLabel> Read(TextReader reader, string source, Taxonomy taxonomy)
    {
        var labels = new List<ReviewedLabel>();
        Read(reader, source, taxonomy, labels, new Dictionary<string, List<(ReviewedLabel Label, string Where)>>(StringComparer.Ordinal));
        return labels;
    }

    private static void Read(TextReader reader, string source, Taxonomy taxonomy, List<ReviewedLabel> labels, Dictionary<string, List<(ReviewedLabel Label, string Where)>> seen)
    {
        var lineNumber = 0L;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var label = ParseLine(line, source, lineNumber, taxonomy);
            if (!seen.TryGetValue(label.Id, out var earlier)) seen[label.Id] = earlier = [];
            foreach (var (previous, where) in earlier)
            {
                if (previous.Topic != label.Topic)
                    throw new TopicModelException(
                        $"paper '{label.Id}' (\"{label.Title}\") is reviewed as '{label.Topic}' here but as '{previous.Topic}' at {where}", source, lineNumber);
                if (previous.Digest == label.Digest)
                    throw new TopicModelException(
                        $"paper '{label.Id}' (\"{label.Title}\") is already reviewed at {where}{(label.Digest is null ? "" : $" for digest '{label.Digest}'")}", source, lineNumber);
            }
            earlier.Add((label, $"{source}:{lineNumber}"));
            labels.Add(label);
        }
    }

    private static ReviewedLabel ParseLine(string line, string source, long lineNumber, Taxonomy taxonomy)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new TopicModelException($"not valid JSON: {TopicModel.ML.IO.JsonErrors.Describe(e)}", source, lineNumber, e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new TopicModelException("expected a JSON object with id, title and topic", source, lineNumber);
            var id = RequiredString(root, "id", source, lineNumber);
            var title = RequiredString(root, "title", source, lineNumber);
            var topic = RequiredString(root, "topic", source, lineNumber);
            RequireTopic(taxonomy, topic, "topic", source, lineNumber);

            var expectedId = PaperId.FromTitle(title);
            if (id != expectedId)
                throw new TopicModelException($"id '{id}' does not match the title (PaperId.FromTitle gives '{expectedId}')", source, lineNumber);

            var secondary = new List<string>();
            if (root.TryGetProperty("secondary", out var sec) && sec.ValueKind != JsonValueKind.Null)
            {
                if (sec.ValueKind != JsonValueKind.Array)
                    throw new TopicModelException("'secondary' must be an array of topic ids", source, lineNumber);
                foreach (var s in sec.EnumerateArray())
                {
                    if (s.ValueKind != JsonValueKind.String)
                        throw new TopicModelException("'secondary' must be an array of topic ids", source, lineNumber);
                    var t = s.GetString()!;
                    RequireTopic(taxonomy, t, "secondary topic", source, lineNumber);
                    if (t == topic)
                        throw new TopicModelException($"secondary topic '{t}' repeats the primary topic", source, lineNumber);
                    if (secondary.Contains(t))
                        throw new TopicModelException($"secondary topic '{t}' is listed twice", source, lineNumber);
                    secondary.Add(t);
                }
            }

            string? digest = null;
            if (root.TryGetProperty("digest", out var d) && d.ValueKind != JsonValueKind.Null)
            {
                if (d.ValueKind != JsonValueKind.String)
                    throw new TopicModelException("'digest' must be a string or null", source, lineNumber);
                digest = d.GetString();
            }
            return new ReviewedLabel(id, title, topic, secondary, digest);
        }
    }

    private static void RequireTopic(Taxonomy taxonomy, string topic, string what, string source, long lineNumber)
    {
        if (!taxonomy.Contains(topic))
            throw new TopicModelException($"{what} '{topic}' is not in taxonomy '{taxonomy.Name}' (topics: {string.Join(", ", taxonomy.Ids)})", source, lineNumber);
    }

    private static string RequiredString(JsonElement obj, string property, string source, long lineNumber)
    {
        if (!obj.TryGetProperty(property, out var el) || el.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(el.GetString()))
            throw new TopicModelException($"'{property}' must be a non-empty string", source, lineNumber);
        return el.GetString()!;
    }
}
