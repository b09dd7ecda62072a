using System.Text.Json;
using TopicModel.ML;
using System.Text.Json.Nodes;

namespace TopicModel.Training.Recipes;

/// <summary>Reads train.json; every error names the JSON path and what was expected.</summary>
public static class RecipeReader
{
    public static Recipe Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new TopicModelException("recipe file not found (pass --recipe FILE or run from the repository root)", path);
        return Parse(File.ReadAllText(full), full);
    }

    public static Recipe Parse(string json, string sourcePath)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new TopicModelException($"not valid JSON: {e.Message}", sourcePath, e.LineNumber + 1);
        }

        using (doc)
        {
            var baseDir = Path.GetDirectoryName(Path.GetFullPath(sourcePath))!;
            string Resolve(string p) => Path.GetFullPath(Path.Combine(baseDir, p));

            var root = new JsonSection(doc.RootElement, "$", sourcePath);
            var version = root.Int("formatVersion", Recipe.FormatVersion, min: 1);
            if (version > Recipe.FormatVersion)
                throw root.Error("formatVersion", $"this recipe has format version {version}; this build reads up to {Recipe.FormatVersion}");

            var dataJson = root.Section("data") ?? throw root.Error("data", "the recipe needs a data section with at least one training file");
            var train = dataJson.Strings("train");
            if (train.Count == 0)
                throw dataJson.Error("train", "expected at least one training digest, JSONL or CSV file");
            var data = new DataSection(
                train.Select(Resolve).ToArray(),
                dataJson.Strings("heldOut").Select(Resolve).ToArray(),
                dataJson.Strings("unlabeled").Select(Resolve).ToArray(),
                dataJson.Strings("reviewedLabels").Select(Resolve).ToArray(),
                Resolve(dataJson.String("prepared", "data/prepared")));
            dataJson.RejectUnknown();

            var labelingJson = root.Section("labeling");
            var labeling = new LabelingSection(
                labelingJson?.Choice("labelModel", "majority", "majority", "generative") ?? "majority",
                labelingJson?.Double("titleWeight", 2.0, min: 0, max: 100) ?? 2.0,
                labelingJson?.String("fallbackTopic", "other") ?? "other");
            labelingJson?.RejectUnknown();

            var autoML = ReadAutoML(root.Section("automl"), sourcePath);

            var outputJson = root.Section("output");
            var output = new OutputSection(
                Resolve(outputJson?.String("models", "models") ?? "models"),
                outputJson?.String("name", "topicmodel") ?? "topicmodel",
                Resolve(outputJson?.String("reports", "reports") ?? "reports"));
            outputJson?.RejectUnknown();

            var recipe = new Recipe(
                root.String("name", "topicmodel"),
                root.Int("seed", 42),
                Resolve(root.String("taxonomy", "data/taxonomy.json")),
                data,
                labeling,
                autoML,
                output,
                Path.GetFullPath(sourcePath),
                json);
            root.RejectUnknown("$schema", "description");
            return recipe;
        }
    }

    private static AutoMLSection ReadAutoML(JsonSection? a, string sourcePath)
    {
        var d = AutoMLSection.Default;
        if (a is null) return d;
        var hasTime = a.Has("timeBudgetSeconds");
        var hasTrials = a.Has("maxTrials");
        var section = new AutoMLSection(
            hasTime ? a.Double("timeBudgetSeconds", 60, min: 1, max: 7 * 24 * 3600) : hasTrials ? null : d.TimeBudgetSeconds,
            hasTrials ? a.Int("maxTrials", 1, min: 1, max: 1_000_000) : null,
            a.Choice("tuner", d.Tuner, "costFrugal", "random", "grid"),
            a.Int("gridSteps", d.GridSteps, min: 2, max: 10),
            a.Int("folds", d.Folds, min: 2, max: 50),
            a.Has("searchSpace") ? (JsonObject?)JsonNode.Parse(a.Section("searchSpace")!.Element.GetRawText()) : null);
        a.RejectUnknown();
        return section;
    }
}
