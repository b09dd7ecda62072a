using System.Text.Json.Nodes;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;
using TopicModel.ML.MultiLabel;

namespace TopicModel.Training.Bundles;

/// <summary>
/// The manifest's <c>topicThresholds</c>: per topic the probability at which it joins a paper's topics beside the
/// primary (null: never), the cap on topics per paper, and what the thresholds were tuned on. A bundle without it
/// (made before several topics per paper) predicts the primary topic alone.
/// </summary>
public static class TopicThresholdsJson
{
    public const string Key = "topicThresholds";

    public static JsonObject Write(TopicThresholds rule, Taxonomy taxonomy, string tunedOn, ExampleBasedMetrics dev) => new()
    {
        ["maxTopics"] = rule.MaxTopics,
        ["thresholds"] = new JsonObject(taxonomy.Ids.Select((id, t) => KeyValuePair.Create(id,
            rule.Thresholds[t] > 1 ? null : (JsonNode?)JsonValue.Create(Math.Round(rule.Thresholds[t], 4))))),
        ["tunedOn"] = tunedOn,
        ["devExampleF1"] = Math.Round(dev.F1, 6),
        ["devMeanTopics"] = Math.Round(dev.MeanPredictedTopics, 6),
    };

    public static TopicThresholds Read(JsonObject manifest, Taxonomy taxonomy, string file)
    {
        if (manifest[Key] is not JsonObject o) return TopicThresholds.PrimaryOnly(taxonomy.Ids.Count);
        try
        {
            var max = o["maxTopics"]?.GetValue<int>() ?? 3;
            if (max < 1) throw new TopicModelException($"manifest.json: {Key}.maxTopics must be at least 1, not {max}", file);
            var given = o["thresholds"] as JsonObject ?? throw new TopicModelException($"manifest.json: {Key}.thresholds is missing", file);
            foreach (var (topic, _) in given)
                if (taxonomy.IndexOf(topic) < 0) throw new TopicModelException($"manifest.json: {Key}.thresholds names '{topic}', which is not a topic of the bundle's taxonomy", file);
            var thresholds = taxonomy.Ids.Select(id => given[id] is { } v ? (float)v.GetValue<double>() : TopicThresholds.Never).ToArray();
            return new TopicThresholds(thresholds, max);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new TopicModelException($"manifest.json: {Key} is not valid: {e.Message}", file);
        }
    }
}
