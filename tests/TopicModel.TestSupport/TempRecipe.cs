using System.Text.Json.Nodes;

namespace TopicModel.TestSupport;

/// <summary>
/// A copy of the shipped train.json in a temp folder, with its data paths pointing at the repo's data
/// and its outputs inside the temp folder, so tests can train and score without touching models/. The
/// AutoML search is cut to three trials (no sentence encoders, no distillation) and LDA to 30 sweeps.
/// </summary>
public sealed class TempRecipe : IDisposable
{
    public TempRecipe(Action<JsonObject>? edit = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("recipe").FullName;
        var json = JsonNode.Parse(File.ReadAllText(RepoPaths.Recipe), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        json.Remove("$schema");
        json["taxonomy"] = RepoPaths.Taxonomy;
        var data = json["data"]!.AsObject();
        foreach (var key in new[] { "train", "heldOut", "forward", "unlabeled", "reviewedLabels" })
        {
            if (data[key] is JsonArray files)
                data[key] = new JsonArray(files.Select(f => (JsonNode)JsonValue.Create(Path.Combine(RepoPaths.Root, f!.GetValue<string>()))!).ToArray());
        }
        data["prepared"] = Path.Combine(Directory, "prepared");
        json["output"] = new JsonObject { ["models"] = Path.Combine(Directory, "models"), ["name"] = "test", ["reports"] = Path.Combine(Directory, "reports") };
        // A short search with a trial limit: fast, and reproducible (a time budget is not).
        json["automl"] = new JsonObject { ["maxTrials"] = 3, ["folds"] = 5 };
        if (json["lda"] is JsonObject lda) lda["maximumNumberOfIterations"] = 30;
        // No sentence encoder in the search, so nothing to distil: tests that need a teacher set both themselves.
        json.Remove("distillation");
        edit?.Invoke(json);
        RecipePath = Path.Combine(Directory, "train.json");
        File.WriteAllText(RecipePath, json.ToJsonString());
    }

    public string Directory { get; }
    public string RecipePath { get; }
    public string BundlePath => Path.Combine(Directory, "models", "test.zip");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
