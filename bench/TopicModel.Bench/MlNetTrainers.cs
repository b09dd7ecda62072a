using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.ML.Metrics;
using TopicModel.Training.AutoML;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.Bench;

/// <summary>
/// "mlnet-trainers RECIPE [OUT.tsv]": each of our trainers beside its ML.NET counterpart with the same
/// hyperparameters, on the same features, folds and objective as the AutoML search (the recipe's data, no topic
/// model): dev objective and macro-F1 (5-fold, grouped by day), macro-F1 on the reviewed held-out papers that are not
/// training papers, wall time of one fit on all labeled papers, and whether a second fit gives the same held-out
/// probabilities. Two feature settings: plain text (the search space's default featurizer) and the shipped pipeline
/// (the recipe's first initial configuration: rule features, taxonomy prior, class balance, blend) with the trainer swapped.
/// </summary>
public static class MlNetTrainers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] LambdaGrid = ["0.0001", "0.0003", "0.001", "0.003", "0.01"];

    /// <summary>Row label (what TRAINERS selects), trainer name, its options.</summary>
    private static readonly (string Label, string Trainer, string Options)[] Pairs =
    [
        ("SdcaMaximumEntropy", "SdcaMaximumEntropy", """{"l2Regularization": 0.0001}"""),
        ("MLNet.SdcaMaximumEntropy", "MLNet.SdcaMaximumEntropy", """{"l2Regularization": 0.0001}"""),
        ("LbfgsMaximumEntropy", "LbfgsMaximumEntropy", """{"l2Regularization": 0.1, "l1Regularization": 0, "maximumNumberOfIterations": 100, "optimizationTolerance": 0.00001}"""),
        ("MLNet.LbfgsMaximumEntropy", "MLNet.LbfgsMaximumEntropy", """{"l2Regularization": 0.1, "l1Regularization": 0, "maximumNumberOfIterations": 100}"""),
        // The search space's defaults for ours; ML.NET's naive Bayes has no hyperparameters.
        ("NaiveBayes", "NaiveBayes", """{"variant": "Complement", "alpha": 0.01, "fitPriors": false, "normalizeWeights": true}"""),
        ("NaiveBayes.Multinomial", "NaiveBayes", """{"variant": "Multinomial", "alpha": 0.01, "fitPriors": true}"""),
        ("MLNet.NaiveBayes", "MLNet.NaiveBayes", "{}"),
        // Same λ and calibration (Platt on the training scores); ML.NET's Pegasos at its default 1 pass and at 10.
        ("OneVersusAll.LinearSvm", "OneVersusAll", """{"binaryLearner": "LinearSvm", "lambda": 0.001, "calibrationFolds": 1}"""),
        ("MLNet.OneVersusAllLinearSvm", "MLNet.OneVersusAllLinearSvm", """{"lambda": 0.001, "numberOfIterations": 1}"""),
        ("MLNet.OneVersusAllLinearSvm.10", "MLNet.OneVersusAllLinearSvm", """{"lambda": 0.001, "numberOfIterations": 10}"""),
        // Each at its best λ, as the search would tune it: the same grid for both (rows "…@λ"), ML.NET at 10 and 30 passes.
        .. LambdaGrid.SelectMany(l => new[]
        {
            ($"OneVersusAll.LinearSvm@{l}", "OneVersusAll", $$"""{"binaryLearner": "LinearSvm", "lambda": {{l}}, "calibrationFolds": 1}"""),
            ($"MLNet.OneVersusAllLinearSvm.10@{l}", "MLNet.OneVersusAllLinearSvm", $$"""{"lambda": {{l}}, "numberOfIterations": 10}"""),
            ($"MLNet.OneVersusAllLinearSvm.30@{l}", "MLNet.OneVersusAllLinearSvm", $$"""{"lambda": {{l}}, "numberOfIterations": 30}"""),
        }),
        ("FastTree", "FastTree", """{"numberOfLeaves": 8, "numberOfTrees": 50, "learningRate": 0.2, "minimumExampleCountPerLeaf": 10}"""),
        ("MLNet.LightGbm", "MLNet.LightGbm", """{"numberOfLeaves": 8, "numberOfTrees": 50, "learningRate": 0.2, "minimumExampleCountPerLeaf": 10}"""),
        ("OneVersusAll.FastTree", "OneVersusAll", """{"binaryLearner": "FastTree", "numberOfLeaves": 8, "numberOfTrees": 50, "learningRate": 0.2, "minimumExampleCountPerLeaf": 10, "calibrationFolds": 1}"""),
        ("MLNet.OneVersusAllFastTree", "MLNet.OneVersusAllFastTree", """{"numberOfLeaves": 8, "numberOfTrees": 50, "learningRate": 0.2, "minimumExampleCountPerLeaf": 10}"""),
    ];

    public static void Run(string[] args)
    {
        var recipe = RecipeReader.Read(args.Length > 1 ? args[1] : "train.json");
        var only = args.Length > 3 && args[3].Length > 0 ? args[3].Split(',') : null;
        var onlySettings = args.Length > 4 && args[4].Length > 0 ? args[4].Split(',') : null;
        var output = args.Length > 2 ? args[2] : null;
        var labeling = new LabelingOptions(TitleWeight: recipe.Labeling.TitleWeight, FallbackTopic: recipe.Labeling.FallbackTopic);
        var data = DataPreparation.Run(new PrepInputs(recipe.TaxonomyPath, recipe.Data.Train, recipe.Data.HeldOut, recipe.Data.Unlabeled,
            recipe.Data.ReviewedLabels, labeling, recipe.Labeling.LabelModel));
        var corpus = TrainingRun.Corpus(data);
        var workspace = new PipelineWorkspace(corpus, new RuleFeatures(data.Taxonomy, labeling), recipe.Seed);
        var validation = new PipelineValidation(workspace, recipe.AutoML.Folds, recipe.Seed);
        var trainIds = corpus.Labeled.Select(p => p.Paper.Id).ToHashSet();
        var heldOut = data.InSplit(Split.HeldOut).Where(p => p.Reviewed is not null && !trainIds.Contains(p.Paper.Id)).ToArray();
        var topics = data.Taxonomy.Ids;
        var heldOutLabels = heldOut.Select(p => topics.ToList().IndexOf(p.Reviewed!.Topic)).ToArray();
        var all = Enumerable.Range(0, corpus.Labeled.Count).ToArray();
        Console.Error.WriteLine($"{corpus.Labeled.Count} labeled papers, {heldOut.Length} held-out papers; validation: {validation.Rule}");

        var shipped = recipe.AutoML.InitialConfigurations?[0]?.AsObject();
        var settings = new List<(string Name, PipelineOptions Options)> { ("text", new PipelineOptions()) };
        if (shipped is not null)
        {
            var space = PipelineSearchSpace.For(corpus, recipe.AutoML.SearchSpace is null ? null : new JsonObject(), recipe.SourcePath);
            var config = (JsonObject)shipped.DeepClone();
            config.Remove("topicFeatureWeight");
            foreach (var key in config.Where(kv => kv.Key.StartsWith("poolWeight") || kv.Key.StartsWith("selfTraining")).Select(kv => kv.Key).ToList()) config.Remove(key);
            settings.Add(("shipped", PipelineSearchSpace.ToPipeline(PipelineSearchSpace.FromJson(config, space, "$", recipe.SourcePath))));
        }

        var lines = new List<string> { "setting\ttrainer\tdevObjective\tdevMacroF1\theldOutMacroF1\theldOutAccuracy\tfitSeconds\tcvSeconds\tdeterministic" };
        foreach (var (setting, baseOptions) in settings)
        {
            if (onlySettings is not null && !onlySettings.Contains(setting)) continue;
            foreach (var (label, trainer, json) in Pairs)
            {
                if (only is not null && !only.Any(o => o.EndsWith('*') ? label.StartsWith(o[..^1], StringComparison.Ordinal) : label == o)) continue;
                var options = baseOptions with { Trainer = trainer, TrainerOptions = JsonNode.Parse(json)!.AsObject() };
                var cv = Stopwatch.StartNew();
                var outcome = validation.Run(options, CancellationToken.None);
                cv.Stop();
                var fit = Stopwatch.StartNew();
                var first = workspace.Fit(options, all, "all");
                fit.Stop();
                var second = workspace.Fit(options, all, "all");
                var p1 = Predict(first.Classifier, heldOut);
                var p2 = Predict(second.Classifier, heldOut);
                var same = p1.Zip(p2).All(x => x.First.AsSpan().SequenceEqual(x.Second));
                var test = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(heldOutLabels, p1, topics));
                var line = string.Join('\t', setting, label, F(outcome.Score), F(outcome.Dev.MacroF1), F(test.MacroF1), F(test.MicroAccuracy),
                    fit.Elapsed.TotalSeconds.ToString("F1", Invariant), cv.Elapsed.TotalSeconds.ToString("F1", Invariant), same ? "yes" : "NO");
                Console.WriteLine(line);
                lines.Add(line);
                if (output is not null) File.WriteAllLines(output, lines);
            }
        }
    }

    private static float[][] Predict(TextClassifier classifier, IReadOnlyList<PreparedPaper> papers) => papers.Select(p =>
    {
        var row = new float[classifier.Topics.Count];
        classifier.Predict(p.Paper, row);
        return row;
    }).ToArray();

    private static string F(double value) => value.ToString("F3", Invariant);
}
