using System.Diagnostics;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.ML.Data;
using TopicModel.ML.Metrics;
using TopicModel.ML.Text;
using TopicModel.TestSupport;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;
using TopicModel.Training.Trainers;
using Xunit.Abstractions;

namespace TopicModel.Training.Tests.Pipelines;

/// <summary>
/// Every catalog trainer with its default options, on the real task: the production featurizer (default
/// options) fitted on the labeled training papers of the training digest, scored against the reviewed labels of the held-out papers that
/// are not also training papers. Prints macro-F1, accuracy and fit time so the trainers can be compared.
/// </summary>
public sealed class TrainerComparisonTests(ITestOutputHelper output)
{
    private static readonly Lazy<(IReadOnlyList<LabeledPaper> Train, IReadOnlyList<PreparedPaper> HeldOut, IReadOnlyList<string> Topics)> Data = new(() =>
    {
        using var recipeFile = new TempRecipe();
        var r = RecipeReader.Read(recipeFile.RecipePath);
        var data = DataPreparation.Run(new PrepInputs(
            r.TaxonomyPath, r.Data.Train, r.Data.HeldOut, r.Data.Unlabeled, r.Data.ReviewedLabels,
            new LabelingOptions(TitleWeight: r.Labeling.TitleWeight, FallbackTopic: r.Labeling.FallbackTopic), r.Labeling.LabelModel));
        var trainingDigest = data.InSplit(Split.Train).Select(p => p.Paper.Id).ToHashSet();
        var train = TrainingRun.Corpus(data).Labeled.Where(e => trainingDigest.Contains(e.Paper.Id)).ToArray();
        var trainIds = train.Select(e => e.Paper.Id).ToHashSet();
        var heldOut = data.InSplit(Split.HeldOut).Where(p => p.Reviewed is not null && !trainIds.Contains(p.Paper.Id)).ToList();
        return (train, heldOut, data.Taxonomy.Ids);
    });

    public static TheoryData<string, string> Trainers => new()
    {
        { "SdcaMaximumEntropy", "{}" },
        { "LbfgsMaximumEntropy", "{}" },
        { "NaiveBayes", "{}" },
        { "NaiveBayes", """{"variant": "complement"}""" },
        { "NaiveBayes", """{"variant": "complement", "fitPriors": false, "normalizeWeights": true}""" },
        { "OneVersusAll", """{"binaryLearner": "LinearSvm"}""" },
        { "OneVersusAll", """{"binaryLearner": "AveragedPerceptron"}""" },
    };

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Default_options_beat_the_majority_class_on_reviewed_held_out_labels(string name, string hyperparameters)
    {
        var (train, heldOut, topics) = Data.Value;
        var (trainer, _) = TrainerCatalog.Create(name, JsonNode.Parse(hyperparameters)!.AsObject(), seed: 42);

        var documents = train.Select(e => TextClassifier.Fields(e.Paper)).ToArray();
        var featurizer = new TextFeaturizer(new TextFeaturizerOptions()).Fit(documents);
        var rows = new MulticlassDataset(featurizer.TransformAll(documents), train.Select(e => e.Topic).ToArray(), topics);
        var clock = Stopwatch.StartNew();
        var classifier = new TextClassifier(featurizer, trainer.Fit(rows));
        var fitTime = clock.Elapsed;
        var probabilities = heldOut.Select(p =>
        {
            var row = new float[topics.Count];
            classifier.Predict(p.Paper, row);
            return row;
        }).ToArray();
        var labels = heldOut.Select(p => topics.ToList().IndexOf(p.Reviewed!.Topic)).ToArray();
        var metrics = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(labels, probabilities, topics));

        output.WriteLine($"{name} {hyperparameters}: macro-F1 {metrics.MacroF1:F3}, accuracy {metrics.MicroAccuracy:F3}, " +
            $"log-loss {metrics.LogLoss:F3} on {heldOut.Count} held-out papers; trainer fit {fitTime.TotalMilliseconds:F0} ms");
        var majority = labels.GroupBy(y => y).Max(g => g.Count()) / (double)labels.Length;
        Assert.True(metrics.MicroAccuracy > majority + 0.2, $"accuracy {metrics.MicroAccuracy:F3} vs majority class {majority:F3}");
    }
}
