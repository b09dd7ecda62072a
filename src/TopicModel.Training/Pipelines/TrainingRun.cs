using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.ML;
using TopicModel.ML.Metrics;
using TopicModel.Training.Bundles;
using TopicModel.Training.Recipes;
using TopicModel.Training.Trainers;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// recipe -> prepared papers -> featurizer + trainer -> cross-validated dev metrics -> refit on all
/// training papers -> bundle. Deterministic: same data, recipe and seed give a byte-identical bundle.
/// </summary>
public static class TrainingRun
{
    public static TrainingResult Run(Recipe recipe, PreparedData data, Action<string>? log = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var topics = data.Taxonomy.Ids;
        var examples = TrainingExamples(data);
        if (examples.Count < recipe.Validation.Folds)
            throw new TopicModelException($"only {examples.Count} training papers; need at least {recipe.Validation.Folds} for {recipe.Validation.Folds}-fold validation", recipe.SourcePath);

        var (trainer, hyperparameters) = TrainerCatalog.Create(recipe.Trainer, recipe.Seed);
        var reviewedIds = ReviewedIds(data);
        var pipeline = new TextClassifierTrainer(recipe.Featurizer, trainer);

        log?.Invoke($"cross-validating {trainer.Name} on {examples.Count} papers");
        var (oof, _, rule) = CrossValidation.Run(pipeline, examples, topics, recipe.Validation.Folds, recipe.Seed);
        cancellation.ThrowIfCancellationRequested();
        var (dev, devRule) = DevMetrics(examples, oof, data, topics, rule);

        log?.Invoke($"fitting {trainer.Name} on all {examples.Count} papers");
        var classifier = pipeline.Fit(examples, topics);
        cancellation.ThrowIfCancellationRequested();

        var manifest = new JsonObject
        {
            ["name"] = recipe.Output.ModelName,
            ["toolVersion"] = typeof(TrainingRun).Assembly.GetName().Version?.ToString(3),
            ["recipe"] = JsonNode.Parse(recipe.SourceJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }),
            ["seed"] = recipe.Seed,
            ["featurizer"] = JsonSerializer.SerializeToNode(recipe.Featurizer, Json.Options),
            ["featureCount"] = classifier.Featurizer.Dimension,
            ["trainer"] = new JsonObject { ["name"] = trainer.Name, ["hyperparameters"] = hyperparameters },
            ["data"] = new JsonObject
            {
                ["fingerprint"] = Fingerprint(examples, topics),
                ["trainingPapers"] = examples.Count,
                ["reviewedLabels"] = examples.Count(e => reviewedIds.Contains(e.Paper.Id)),
                ["files"] = new JsonArray(recipe.Data.Train.Concat(recipe.Data.Unlabeled).Select(f => (JsonNode)JsonValue.Create(Path.GetFileName(f))!).ToArray()),
            },
            ["metrics"] = new JsonObject
            {
                ["validation"] = devRule,
                ["dev"] = MetricsJson(dev),
            },
        };
        var bundle = new ModelBundle(manifest, data.Taxonomy, File.ReadAllBytes(recipe.TaxonomyPath), classifier);
        bundle = LdaStep.Fit(bundle, recipe, data, log, cancellation);
        var path = Path.Combine(recipe.Output.ModelsDirectory, recipe.Output.ModelName + ".zip");
        ModelBundleFile.Save(path, bundle);
        return new TrainingResult(path, bundle, data, examples.Count, dev, devRule, clock.Elapsed);
    }

    /// <summary>
    /// Training and unlabeled papers, once each, with their merged label (reviewed over weak). Papers
    /// that also occur in the held-out data are left out, so evaluation never scores a training paper.
    /// </summary>
    public static IReadOnlyList<LabeledPaper> TrainingExamples(PreparedData data)
    {
        var heldOut = data.InSplit(Split.HeldOut).Select(p => p.Paper.Id).ToHashSet(StringComparer.Ordinal);
        return data.Papers
            .Where(p => p.Split != Split.HeldOut && !heldOut.Contains(p.Paper.Id))
            .DistinctBy(p => p.Paper.Id)
            .Select(p => new LabeledPaper(p.Paper, data.Taxonomy.IndexOf(p.Label.Topic)))
            .ToArray();
    }

    private static HashSet<string> ReviewedIds(PreparedData data) =>
        data.Papers.Where(p => p.Label.Source == LabelSource.Reviewed).Select(p => p.Paper.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Dev metrics on the papers with reviewed labels when there are any: agreement with weak labels only measures imitation of the rules.</summary>
    private static (MulticlassClassificationMetrics Metrics, string Rule) DevMetrics(
        IReadOnlyList<LabeledPaper> examples, float[][] oof, PreparedData data, IReadOnlyList<string> topics, string rule)
    {
        var reviewedIds = ReviewedIds(data);
        var reviewed = Enumerable.Range(0, examples.Count).Where(i => reviewedIds.Contains(examples[i].Paper.Id)).ToArray();
        var subset = reviewed.Length > 0 ? reviewed : Enumerable.Range(0, examples.Count).ToArray();
        var predictions = MulticlassPredictions.Create(subset.Select(i => examples[i].Topic).ToArray(), subset.Select(i => oof[i]).ToArray(), topics);
        var against = reviewed.Length > 0 ? $"scored against the reviewed labels of {reviewed.Length} papers" : "scored against weak labels (no reviewed labels in the training data)";
        return (MulticlassEvaluator.Evaluate(predictions), $"{rule}, {against}");
    }

    public static JsonObject MetricsJson(MulticlassClassificationMetrics m) => new()
    {
        ["microAccuracy"] = m.MicroAccuracy,
        ["macroAccuracy"] = m.MacroAccuracy,
        ["macroF1"] = m.MacroF1,
        ["weightedF1"] = m.WeightedF1,
        ["logLoss"] = m.LogLoss,
        ["logLossReduction"] = m.LogLossReduction,
        ["top2Accuracy"] = m.Top2Accuracy,
        ["top3Accuracy"] = m.Top3Accuracy,
    };

    private static string Fingerprint(IReadOnlyList<LabeledPaper> examples, IReadOnlyList<string> topics)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in examples)
            sha.AppendData(Encoding.UTF8.GetBytes($"{e.Paper.Id}\t{e.Paper.Title}\t{e.Paper.Abstract}\t{topics[e.Topic]}\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
