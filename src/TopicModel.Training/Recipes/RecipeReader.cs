using System.Text.Json;
using TopicModel.ML;
using System.Text.Json.Nodes;
using TopicModel.ML.Lda;

using TopicModel.Training.AutoML;

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

    /// <summary>What the recipe itself may hold (comments, trailing commas), for re-reading its parts' raw text.</summary>
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Recipe Parse(string json, string sourcePath)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new TopicModelException($"not valid JSON: {TopicModel.ML.IO.JsonErrors.Describe(e)}", sourcePath, e.LineNumber + 1);
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
                Resolve(dataJson.String("prepared", "data/prepared")),
                dataJson.Int("digestYear", 0, min: 1, max: 9999) is > 0 and var year ? year : null)
            {
                Forward = dataJson.Strings("forward").Select(Resolve).ToArray(),
            };
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
                json)
            {
                Lda = ReadLda(root.Section("lda"), root.Int("seed", 42)),
                Distillation = ReadDistillation(root.Section("distillation")),
            };
            root.RejectUnknown("$schema", "description");
            return recipe;
        }
    }

    private static LdaSection ReadLda(JsonSection? l, int seed)
    {
        if (l is null) return LdaSection.Disabled;
        var d = new LatentDirichletAllocationOptions { Seed = seed };
        var options = d with
        {
            NumberOfTopics = l.Int("numberOfTopics", d.NumberOfTopics, min: 1, max: 10_000),
            AlphaSum = l.Double("alphaSum", d.AlphaSum, min: 1e-6),
            Beta = l.Double("beta", d.Beta, min: 1e-9),
            MaximumNumberOfIterations = l.Int("maximumNumberOfIterations", d.MaximumNumberOfIterations, min: 1),
            LikelihoodInterval = l.Int("likelihoodInterval", d.LikelihoodInterval, min: 0),
            NumberOfSummaryTermsPerTopic = l.Int("numberOfSummaryTermsPerTopic", d.NumberOfSummaryTermsPerTopic, min: 1, max: 1000),
            NumberOfBurninIterations = l.Int("numberOfBurninIterations", d.NumberOfBurninIterations, min: 0),
            OptimizeAlphaInterval = l.Int("optimizeAlphaInterval", d.OptimizeAlphaInterval, min: 0),
            NumberOfThreads = l.Int("numberOfThreads", d.NumberOfThreads, min: 0, max: 1024),
            MinimumDocumentCount = l.Int("minimumDocumentCount", d.MinimumDocumentCount, min: 1),
            MaximumDocumentFrequency = l.Double("maximumDocumentFrequency", d.MaximumDocumentFrequency, min: 1e-9, max: 1),
            MaximumVocabularySize = l.Int("maximumVocabularySize", d.MaximumVocabularySize, min: 1),
            AdditionalStopWords = l.Strings("stopWords"),
            SeedWordPriorShare = l.Double("seedWordPriorShare", d.SeedWordPriorShare, min: 0, max: 100),
            InferenceIterations = l.Int("inferenceIterations", d.InferenceIterations, min: 1, max: 100_000),
            InferenceTolerance = l.Double("inferenceTolerance", d.InferenceTolerance, min: 1e-6, max: 1000),
            Inference = l.Choice("inference", "cvb0", "cvb0", "gibbs") == "gibbs" ? LdaInference.Gibbs : LdaInference.Cvb0,
            WordPromotionWeight = l.Double("wordPromotionWeight", d.WordPromotionWeight, min: 0, max: 100),
            WordPromotionNeighbors = l.Int("wordPromotionNeighbors", d.WordPromotionNeighbors, min: 0, max: 1000),
            Seed = l.Int("seed", seed),
        };
        var section = new LdaSection(l.Bool("enabled", true), options, l.Bool("seedFromTaxonomy", true));
        l.RejectUnknown();
        return section;
    }

    private static DistillationSection ReadDistillation(JsonSection? d)
    {
        if (d is null) return DistillationSection.Disabled;
        var fallback = DistillationSection.Disabled;
        var section = new DistillationSection(
            d.Bool("enabled", true),
            d.Int("maxTrials", fallback.MaxTrials, min: 1, max: 1_000_000),
            d.Has("searchSpace") ? (JsonObject?)JsonNode.Parse(d.Section("searchSpace")!.Element.GetRawText(), documentOptions: Lenient) : null,
            d.Has("initialConfigurations") ? InitialConfigurations(d) : null,
            d.Double("minProbability", fallback.MinProbability, min: 0, max: 1))
        {
            Targets = d.Choice("targets", DistillationSection.SoftTargets, DistillationSection.SoftTargets, DistillationSection.HardTargets),
        };
        d.RejectUnknown();
        return section;
    }

    private static JsonArray InitialConfigurations(JsonSection a)
    {
        var element = a.Element.GetProperty("initialConfigurations");
        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
            throw a.Error("initialConfigurations", "expected an array of objects (hyperparameter name → value)");
        return (JsonArray)JsonNode.Parse(element.GetRawText(), documentOptions: Lenient)!;
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
            a.Has("searchSpace") ? (JsonObject?)JsonNode.Parse(a.Section("searchSpace")!.Element.GetRawText(), documentOptions: Lenient) : null,
            a.Has("initialConfigurations") ? InitialConfigurations(a) : null)
        {
            Objective = a.Choice("objective", d.Objective, ValidationObjective.All),
            ForwardFolds = a.Int("forwardFolds", d.ForwardFolds, min: 0, max: 20),
            Selection = a.Choice("selection", d.Selection, TrialSelection.All),
        };
        if (section.ForwardFolds == 0 && section.Objective != ValidationObjective.CrossValidation)
            throw a.Error("objective", $"'{section.Objective}' needs forward folds; set forwardFolds above 0 or the objective to '{ValidationObjective.CrossValidation}'");
        a.RejectUnknown();
        return section;
    }
}
