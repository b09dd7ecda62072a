using System.Text.Json;
using TopicModel.ML;

namespace TopicModel.DataPrep.Taxonomies;

/// <summary>Reads and validates a taxonomy JSON file (the format of data/taxonomy.json).</summary>
public static class TaxonomyReader
{
    public static Taxonomy Read(string path)
    {
        if (!File.Exists(path))
            throw new TopicModelException("taxonomy file not found", path);
        return Parse(File.ReadAllText(path), path);
    }

    public static Taxonomy Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new TopicModelException($"not valid JSON: {TopicModel.ML.IO.JsonErrors.Describe(e)}", source, e.LineNumber + 1);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new TopicModelException("a taxonomy is a JSON object with a 'topics' array", source);
            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "taxonomy";
            var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 1;
            if (!root.TryGetProperty("topics", out var topicsEl) || topicsEl.ValueKind != JsonValueKind.Array)
                throw new TopicModelException("$.topics: expected an array of topics", source);

            var topics = new List<Topic>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var t in topicsEl.EnumerateArray())
            {
                var path = $"$.topics[{i}]";
                if (t.ValueKind != JsonValueKind.Object)
                    throw new TopicModelException($"{path}: expected an object", source);
                var id = RequiredString(t, "id", path, source);
                if (!seen.Add(id))
                    throw new TopicModelException($"{path}.id: topic id '{id}' appears twice", source);
                var keywords = new List<string>();
                if (t.TryGetProperty("keywords", out var kw))
                {
                    if (kw.ValueKind != JsonValueKind.Array)
                        throw new TopicModelException($"{path}.keywords: expected an array of strings", source);
                    foreach (var k in kw.EnumerateArray())
                    {
                        if (k.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(k.GetString()))
                            throw new TopicModelException($"{path}.keywords: every keyword must be a non-empty string", source);
                        keywords.Add(k.GetString()!);
                    }
                }
                topics.Add(new Topic(
                    id,
                    t.TryGetProperty("name", out var tn) && tn.ValueKind == JsonValueKind.String ? tn.GetString()! : id,
                    t.TryGetProperty("description", out var td) && td.ValueKind == JsonValueKind.String ? td.GetString()! : "",
                    keywords));
                i++;
            }
            if (topics.Count < 2)
                throw new TopicModelException("$.topics: a taxonomy needs at least two topics", source);
            return new Taxonomy(name, version, topics);
        }
    }

    private static string RequiredString(JsonElement obj, string property, string path, string source)
    {
        if (!obj.TryGetProperty(property, out var el) || el.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(el.GetString()))
            throw new TopicModelException($"{path}.{property}: expected a non-empty string", source);
        return el.GetString()!;
    }
}
