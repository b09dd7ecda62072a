using System.Text.Json;
using TopicModel.ML;

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
                output,
                Path.GetFullPath(sourcePath),
                json);
            root.RejectUnknown("$schema", "description");
            return recipe;
        }
    }
}
