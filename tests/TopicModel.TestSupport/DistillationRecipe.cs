using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Ingestion;

namespace TopicModel.TestSupport;

/// <summary>
/// A small distillation recipe on real papers, quick enough for a test: 60 training-digest papers with their reviewed
/// labels, 40 unreviewed arXiv 2025 papers as the pool (about 115 texts for MiniLM to embed), no LDA, a one-trial
/// MiniLM teacher search and a one-trial lexical student search.
/// </summary>
public static class DistillationRecipe
{
    private static readonly HashSet<string> Reviewed = File.ReadLines(Path.Combine(RepoPaths.Data, "labels", "arxiv-2025.jsonl"))
        .Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    /// <param name="targets">"soft" or "hard", the recipe's distillation.targets.</param>
    /// <param name="edit">A change to the recipe after it is set up.</param>
    public static TempRecipe Create(string targets, Action<JsonObject>? edit = null) => new(json =>
    {
        var folder = Directory.GetParent(json["data"]!["prepared"]!.GetValue<string>())!.FullName;
        var train = Path.Combine(folder, "train-60.jsonl");
        File.WriteAllLines(train, PaperReader.ReadFile(RepoPaths.TrainingDigest).Papers.Take(60)
            .Select(p => JsonSerializer.Serialize(new { title = p.Title, @abstract = p.Abstract })));
        var pool = Path.Combine(folder, "pool-40.jsonl");
        File.WriteAllLines(pool, PaperReader.ReadFile(Path.Combine(RepoPaths.Data, "corpus", "arxiv-cs-2025.jsonl")).Papers
            .Where(p => !Reviewed.Contains(p.Id)).Take(40)
            .Select(p => JsonSerializer.Serialize(new { title = p.Title, @abstract = p.Abstract })));
        var data = json["data"]!.AsObject();
        data["train"] = new JsonArray(train);
        data["unlabeled"] = new JsonArray(pool);
        data.Remove("forward");
        json["lda"] = new JsonObject { ["enabled"] = false };
        json["automl"] = new JsonObject
        {
            ["maxTrials"] = 1,
            ["folds"] = 3,
            ["searchSpace"] = new JsonObject { ["encoder"] = "MiniLM", ["trainer"] = "SdcaMaximumEntropy", ["embeddingWeight"] = 2, ["poolWeight"] = 0 },
        };
        json["distillation"] = new JsonObject
        {
            ["maxTrials"] = 1,
            ["targets"] = targets,
            ["searchSpace"] = new JsonObject { ["trainer"] = "SdcaMaximumEntropy", ["poolWeight"] = 1, ["selfTraining"] = "off" },
        };
        edit?.Invoke(json);
    });
}
