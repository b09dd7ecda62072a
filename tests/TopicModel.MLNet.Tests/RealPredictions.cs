using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.Evaluation.Harness;
using TopicModel.ML.Data;
using TopicModel.ML.Text;
using TopicModel.TestSupport;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;
using TopicModel.Training.Scoring;
using TopicModel.Training.Trainers;

namespace TopicModel.MLNet.Tests;

/// <summary>
/// Real predictions on the reviewed held-out papers that are not training papers (the shipped recipe's data): our
/// trainers with default options on the production featurizer fitted on the training digest's labeled papers, and
/// the weak labeler (whose probability rows have exact ties). Built once and shared.
/// </summary>
public static class RealPredictions
{
    public sealed record Set(string Name, int[] Labels, float[][] Probabilities, IReadOnlyList<string> Topics);

    public sealed record Data(IReadOnlyList<LabeledPaper> Train, IReadOnlyList<PreparedPaper> HeldOut, IReadOnlyList<string> Topics, PreparedData Prepared);

    public static readonly Lazy<Data> Prepared = new(() =>
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
        return new Data(train, heldOut, data.Taxonomy.Ids, data);
    });

    /// <summary>Trainer name and recipe-style options, or "rules" for the weak labeler.</summary>
    /// <summary>"rules without X": the weak labeler's rows with the papers of its most predicted wrong topic left out, so one topic is predicted but has no support.</summary>
    public const string RulesWithoutSupport = "rules, one topic's papers left out";

    public static readonly IReadOnlyList<string> SetNames = ["SdcaMaximumEntropy", "NaiveBayes", "OneVersusAll", "rules", RulesWithoutSupport];

    public static TheoryData<string> Names => new(SetNames);

    private static readonly Dictionary<string, Lazy<Set>> Sets = SetNames.ToDictionary(n => n, n => new Lazy<Set>(() => Build(n)));

    public static Set Get(string name) => Sets[name].Value;

    private static Set Build(string name)
    {
        if (name == RulesWithoutSupport) return WithoutSupport(Get("rules"));
        var (train, heldOut, topics, prepared) = Prepared.Value;
        IPaperClassifier classifier;
        if (name == "rules")
        {
            classifier = new WeakLabelClassifier(prepared);
        }
        else
        {
            var (trainer, _) = TrainerCatalog.Create(name, new JsonObject(), seed: 42);
            var documents = train.Select(e => TextClassifier.Fields(e.Paper)).ToArray();
            var featurizer = new TextFeaturizer(new TextFeaturizerOptions()).Fit(documents);
            var rows = new MulticlassDataset(featurizer.TransformAll(documents), train.Select(e => e.Topic).ToArray(), topics);
            classifier = new TextClassifier(featurizer, trainer.Fit(rows));
        }
        var probabilities = heldOut.Select(p =>
        {
            var row = new float[topics.Count];
            classifier.Predict(p.Paper, row);
            return row;
        }).ToArray();
        var labels = heldOut.Select(p => topics.ToList().IndexOf(p.Reviewed!.Topic)).ToArray();
        return new Set(name, labels, probabilities, topics);
    }

    private static Set WithoutSupport(Set rules)
    {
        // The true topic that is most often predicted for other papers: leaving its papers out keeps those predictions.
        var predicted = rules.Probabilities.Select(p => Array.IndexOf(p, p.Max())).ToArray();
        var topic = Enumerable.Range(0, rules.Labels.Length).Where(i => predicted[i] != rules.Labels[i])
            .GroupBy(i => predicted[i]).OrderByDescending(g => g.Count()).First().Key;
        var keep = Enumerable.Range(0, rules.Labels.Length).Where(i => rules.Labels[i] != topic).ToArray();
        return new Set(RulesWithoutSupport, keep.Select(i => rules.Labels[i]).ToArray(), keep.Select(i => rules.Probabilities[i]).ToArray(), rules.Topics);
    }
}
