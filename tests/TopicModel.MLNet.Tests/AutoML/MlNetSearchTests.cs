using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.MLNet.Tests.AutoML;

/// <summary>
/// The AutoML search with ML.NET's trainers among the candidates, on the shipped digests, folds and objective. The
/// plumbing is the point, not the best setting, so the recipe leaves out the unlabeled 2025 pool (and with it the 960
/// reviewed pool papers): the search trains on the training digest's reviewed papers alone, a seventh of the CPU time.
/// </summary>
public sealed class MlNetSearchTests
{
    [Fact]
    public void The_search_can_pick_an_ml_net_trainer_the_leaderboard_names_it_and_the_bundle_scores_like_the_fitted_pipeline()
    {
        using var recipe = new TempRecipe(json =>
        {
            json["automl"] = new JsonObject
            {
                ["maxTrials"] = 3,
                ["folds"] = 5,
                ["searchSpace"] = new JsonObject
                {
                    ["trainer"] = new JsonArray("MLNet.LightGbm", "MLNet.SdcaMaximumEntropy"),
                    // Few trees: the point is the plumbing, not LightGbm's best setting.
                    ["MLNet.LightGbm.numberOfTrees"] = 20,
                    ["MLNet.LightGbm.numberOfLeaves"] = 4,
                },
            };
            json["lda"] = new JsonObject { ["enabled"] = false };
            json["data"]!.AsObject().Remove("unlabeled");
        });
        var r = RecipeReader.Read(recipe.RecipePath);
        var data = DataPreparation.Run(new PrepInputs(r.TaxonomyPath, r.Data.Train, r.Data.HeldOut, r.Data.Unlabeled, r.Data.ReviewedLabels,
            new LabelingOptions(TitleWeight: r.Labeling.TitleWeight, FallbackTopic: r.Labeling.FallbackTopic), r.Labeling.LabelModel));

        var result = TrainingRun.Run(r, data);

        var trials = JsonNode.Parse(File.ReadAllText(result.LeaderboardPaths[1]))!["trials"]!.AsArray();
        var trainers = trials.Select(t => t!.ToJsonString()).Select(t => t.Contains("MLNet.LightGbm") ? "MLNet.LightGbm" : t.Contains("MLNet.SdcaMaximumEntropy") ? "MLNet.SdcaMaximumEntropy" : "?").ToArray();
        Assert.Equal(3, trials.Count);
        Assert.DoesNotContain("?", trainers);
        Assert.Contains("MLNet.", File.ReadAllLines(result.LeaderboardPaths[0])[1]);
        Assert.StartsWith("MLNet.", result.Bundle.Manifest["trainer"]!["name"]!.GetValue<string>());

        var loaded = ModelBundleFile.Load(result.BundlePath);
        foreach (var paper in data.InSplit(Split.HeldOut).Take(20).Select(p => p.Paper))
        {
            var expected = new float[loaded.Taxonomy.Topics.Count];
            var actual = new float[expected.Length];
            result.Bundle.Classifier.Predict(paper, expected);
            loaded.Classifier.Predict(paper, actual);
            Assert.Equal(expected, actual);
        }
    }
}
