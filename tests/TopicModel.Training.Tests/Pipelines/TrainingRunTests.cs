using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Preparation;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.Training.Tests.Pipelines;

public sealed class TrainingRunTests : IDisposable
{
    private readonly TempRecipe _recipe = new();

    public void Dispose() => _recipe.Dispose();

    private static PreparedData Prepare(Recipe r) => DataPreparation.Run(new PrepInputs(
        r.TaxonomyPath, r.Data.Train, r.Data.HeldOut, r.Data.Unlabeled, r.Data.ReviewedLabels,
        new LabelingOptions(TitleWeight: r.Labeling.TitleWeight, FallbackTopic: r.Labeling.FallbackTopic), r.Labeling.LabelModel));

    private TrainingResult Train(Recipe? recipe = null)
    {
        recipe ??= RecipeReader.Read(_recipe.RecipePath);
        return TrainingRun.Run(recipe, Prepare(recipe));
    }

    [Fact]
    public void Training_leaves_out_papers_that_are_also_held_out()
    {
        var data = Prepare(RecipeReader.Read(_recipe.RecipePath));
        var examples = TrainingRun.TrainingExamples(data);

        Assert.Equal(216 - 19, examples.Count);
        var heldOut = data.InSplit(Split.HeldOut).Select(p => p.Paper.Id).ToHashSet();
        Assert.DoesNotContain(examples, e => heldOut.Contains(e.Paper.Id));
    }

    [Fact]
    public void The_model_learns_topics_well_above_the_majority_class_on_the_held_out_digest()
    {
        var result = Train();
        var bundle = ModelBundleFile.Load(result.BundlePath);
        var train = TrainingRun.TrainingExamples(result.Data).Select(e => e.Paper.Id).ToHashSet();
        var heldOut = result.Data.InSplit(Split.HeldOut).Where(p => !train.Contains(p.Paper.Id)).ToList();

        var correct = 0;
        var probabilities = new float[bundle.Taxonomy.Ids.Count];
        foreach (var p in heldOut)
        {
            bundle.Classifier.Predict(p.Paper, probabilities);
            Assert.Equal(1.0, probabilities.Sum(), 3);
            if (bundle.Taxonomy.Ids[Array.IndexOf(probabilities, probabilities.Max())] == p.Reviewed!.Topic) correct++;
        }
        var majority = heldOut.GroupBy(p => p.Reviewed!.Topic).Max(g => g.Count());

        // 93 unseen papers: the largest topic alone is 20 of them.
        Assert.True(correct > 2 * majority, $"{correct} correct vs majority class {majority} of {heldOut.Count}");
    }

    [Fact]
    public void Dev_metrics_come_from_cross_validation_against_reviewed_labels_and_are_recorded()
    {
        var result = Train();
        var manifest = ModelBundleFile.Load(result.BundlePath).Manifest;

        Assert.Contains("5-fold cross-validation", result.ValidationRule);
        Assert.Contains("reviewed labels of 197 papers", result.ValidationRule);
        Assert.InRange(result.Dev.MicroAccuracy, 0.2, 1.0);
        Assert.Equal(result.Dev.MacroF1, manifest["metrics"]!["dev"]!["macroF1"]!.GetValue<double>());
        Assert.Equal("SdcaMaximumEntropy", manifest["trainer"]!["name"]!.GetValue<string>());
        Assert.Equal(42, manifest["seed"]!.GetValue<int>());
        Assert.Equal(64, manifest["data"]!["fingerprint"]!.GetValue<string>().Length);
        Assert.Equal(197, manifest["data"]!["reviewedLabels"]!.GetValue<int>());
    }

    [Fact]
    public void Same_data_recipe_and_seed_give_a_byte_identical_bundle()
    {
        var first = File.ReadAllBytes(Train().BundlePath);
        var second = File.ReadAllBytes(Train().BundlePath);

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_bundle_predicts_exactly_the_same_after_save_and_load()
    {
        var result = Train();
        var loaded = ModelBundleFile.Load(result.BundlePath);
        var a = new float[14];
        var b = new float[14];
        foreach (var p in result.Data.Papers)
        {
            result.Bundle.Classifier.Predict(p.Paper, a);
            loaded.Classifier.Predict(p.Paper, b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Explanations_name_terms_from_the_paper()
    {
        var result = Train();
        var paper = result.Data.InSplit(Split.HeldOut).First(p => p.Reviewed!.Topic == "unlearning-privacy").Paper;

        var terms = result.Bundle.Classifier.Explain(paper, "unlearning-privacy");

        Assert.NotEmpty(terms);
        Assert.All(terms, t => Assert.True(t.Contribution > 0));
        var text = (paper.Title + " " + paper.Abstract).ToLowerInvariant();
        Assert.Contains(terms, t => text.Contains(t.Term.Split('/').Last().Split(' ')[0]));
    }

    [Fact]
    public void Every_trainer_in_the_catalog_trains_from_the_recipe()
    {
        foreach (var name in Trainers.TrainerCatalog.Names)
        {
            using var recipe = new TempRecipe(j => j["trainer"] = new JsonObject { ["name"] = name });
            var result = Train(RecipeReader.Read(recipe.RecipePath));
            Assert.Equal(name, result.Bundle.Manifest["trainer"]!["name"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Unknown_trainer_options_fail_with_their_json_path()
    {
        using var recipe = new TempRecipe(j => j["trainer"] = new JsonObject { ["name"] = "SdcaMaximumEntropy", ["options"] = new JsonObject { ["l2Regularisation"] = 0.1 } });

        var error = Assert.Throws<TopicModelException>(() => RecipeReader.Read(recipe.RecipePath));
        Assert.Contains("$.trainer.options.l2Regularisation: unknown setting (did you mean \"l2Regularization\"?)", error.Message);
    }
}
