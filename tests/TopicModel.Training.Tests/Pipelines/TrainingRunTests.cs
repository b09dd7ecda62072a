using TopicModel.ML.MultiLabel;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;
using TopicModel.Training.Scoring;

namespace TopicModel.Training.Tests.Pipelines;

[Collection(TrainedModelCollection.Name)]
public sealed class TrainingRunTests(TrainedModel trained)
{
    internal static PreparedData Prepare(Recipe r) => DataPreparation.Run(new PrepInputs(
        r.TaxonomyPath, r.Data.Train, r.Data.HeldOut, r.Data.Unlabeled, r.Data.ReviewedLabels,
        new LabelingOptions(TitleWeight: r.Labeling.TitleWeight, FallbackTopic: r.Labeling.FallbackTopic), r.Labeling.LabelModel));

    internal static TrainingResult Train(Recipe recipe) => TrainingRun.Run(recipe, Prepare(recipe));

    [Fact]
    public void Training_uses_reviewed_papers_and_the_pool_but_never_a_held_out_paper()
    {
        var data = trained.Result.Data;
        var corpus = TrainingRun.Corpus(data);

        // 216 training-digest papers less the 19 the held-out digest shares, plus the 960 reviewed 2025 Hugging Face
        // papers and the 2,080 reviewed 2025 arXiv papers; the pool is the rest of the two unlabeled files.
        Assert.Equal(216 - 19 + 960 + 2080, corpus.Labeled.Count);
        Assert.All(corpus.Labeled, p => Assert.True(p.Reviewed));
        Assert.Equal(3004 - 960 + 4000 - 2080, corpus.Pool.Count);
        Assert.All(corpus.Pool, p => Assert.False(p.Reviewed));
        var heldOut = data.InSplit(Split.HeldOut).Select(p => p.Paper.Id).ToHashSet();
        Assert.DoesNotContain(corpus.Labeled.Concat(corpus.Pool), e => heldOut.Contains(e.Paper.Id));
        Assert.Equal(corpus.Labeled.Count + corpus.Pool.Count, corpus.Labeled.Concat(corpus.Pool).Select(p => p.Paper.Id).Distinct().Count());
    }

    [Fact]
    public void The_bundle_carries_per_topic_thresholds_that_find_secondary_topics_on_papers_it_never_saw()
    {
        var bundle = ModelBundleFile.Load(trained.Result.BundlePath);
        var rule = bundle.Thresholds;

        Assert.Equal(trained.Result.Bundle.Thresholds.Thresholds, rule.Thresholds);
        Assert.Equal(3, rule.MaxTopics);
        Assert.Contains(rule.Thresholds, t => t <= 1);
        Assert.StartsWith("out-of-fold predictions of 3237 reviewed training papers", bundle.Manifest["topicThresholds"]!["tunedOn"]!.GetValue<string>());

        // The held-out digest's reviewed labels (never used for tuning): topic sets recover more of primary + secondary.
        var train = trained.Result.Data.InSplit(Split.Train).Select(e => e.Paper.Id).ToHashSet();
        var heldOut = trained.Result.Data.InSplit(Split.HeldOut).Where(p => !train.Contains(p.Paper.Id) && p.Reviewed is not null).ToArray();
        var taxonomy = bundle.Taxonomy;
        var truth = heldOut.Select(p => (IReadOnlyCollection<int>)p.Reviewed!.Secondary.Select(taxonomy.IndexOf).Append(taxonomy.IndexOf(p.Reviewed.Topic)).ToHashSet()).ToArray();
        var probabilities = heldOut.Select(p =>
        {
            var row = new float[taxonomy.Ids.Count];
            bundle.Classifier.Predict(p.Paper, row);
            return row;
        }).ToArray();
        var sets = ExampleBasedMetrics.Compute(probabilities.Select(p => rule.Select(p)).ToArray(), truth);
        var primary = ExampleBasedMetrics.Compute(probabilities.Select(p => TopicThresholds.PrimaryOnly(taxonomy.Ids.Count).Select(p)).ToArray(), truth);
        Assert.True(sets.Recall > primary.Recall + 0.05, $"recall {sets.Recall:0.000} with sets vs {primary.Recall:0.000} primary only");
        Assert.Equal(primary.HitRate, sets.HitRate, 12);
        Assert.True(sets.MeanPredictedTopics is > 1 and <= 3, $"{sets.MeanPredictedTopics}");
    }

    [Fact]
    public void Scored_records_list_the_papers_topics_primary_first_by_the_bundles_thresholds()
    {
        var bundle = ModelBundleFile.Load(trained.Result.BundlePath);
        using var output = new MemoryStream();
        BatchScorer.Score([RepoPaths.HeldOutDigest], bundle, output, TextWriter.Null, new ScoringOptions(TopicMixture: false));
        var records = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToArray();
        var papers = trained.Result.Data.InSplit(Split.HeldOut).Select(p => p.Paper).ToArray();

        Assert.Equal(papers.Length, records.Length);
        var probabilities = new float[bundle.Taxonomy.Ids.Count];
        for (var i = 0; i < records.Length; i++)
        {
            var topics = records[i].GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToArray();
            Assert.Equal(records[i].GetProperty("topic").GetString(), topics[0]);
            Assert.InRange(topics.Length, 1, 3);
            Assert.Equal(topics.Length, topics.Distinct().Count());
            bundle.Classifier.Predict(papers[i], probabilities);
            Assert.Equal(bundle.Thresholds.Select(probabilities).Select(t => bundle.Taxonomy.Ids[t]), topics);
        }
        Assert.Contains(records, r => r.GetProperty("topics").GetArrayLength() > 1);
    }

    [Fact]
    public void The_model_learns_topics_well_above_the_majority_class_on_the_held_out_digest()
    {
        var bundle = ModelBundleFile.Load(trained.Result.BundlePath);
        var train = trained.Result.Data.InSplit(Split.Train).Select(e => e.Paper.Id).ToHashSet();
        var heldOut = trained.Result.Data.InSplit(Split.HeldOut).Where(p => !train.Contains(p.Paper.Id)).ToList();

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
        Assert.Equal(93, heldOut.Count);
        Assert.True(correct > 2 * majority, $"{correct} correct vs majority class {majority} of {heldOut.Count}");
    }

    [Fact]
    public void Dev_metrics_come_from_cross_validation_against_reviewed_labels_and_are_recorded_with_the_search()
    {
        var result = trained.Result;
        var manifest = ModelBundleFile.Load(result.BundlePath).Manifest;

        Assert.Contains("5-fold cross-validation", result.ValidationRule);
        Assert.Contains("reviewed labels of 3237 papers", result.ValidationRule);
        Assert.Equal(result.Search.Best!.Metrics["macroF1"], result.Dev.MacroF1);
        Assert.Contains("mean over 3 digests", result.ValidationRule);
        var byDigest = result.Search.Best.Metrics.Where(kv => kv.Key.StartsWith("macroF1:")).Select(kv => kv.Value).ToArray();
        Assert.Equal(3, byDigest.Length);
        // The objective: the mean of the cross-validation score (mean over digests) and the forward-chaining folds' macro-F1.
        Assert.Equal(byDigest.Average(), result.Search.Best.Metrics["crossValidation"], 12);
        Assert.Equal(byDigest.Average(), result.CrossValidationScore, 12);
        var forward = Assert.IsType<ML.Metrics.MulticlassClassificationMetrics>(result.Forward);
        Assert.Equal((byDigest.Average() + forward.MacroF1) / 2, result.Search.Best.Score, 12);
        Assert.Equal(forward.MacroF1, manifest["metrics"]!["forward"]!["macroF1"]!.GetValue<double>());
        Assert.Equal("mean", manifest["metrics"]!["objective"]!.GetValue<string>());
        Assert.Contains("forward-chaining folds", result.ValidationRule);
        Assert.Equal(result.Dev.MacroF1, manifest["metrics"]!["dev"]!["macroF1"]!.GetValue<double>());
        Assert.NotNull(result.RulesDev);
        Assert.Equal(3, result.Search.Trials.Count);
        Assert.Equal("trial limit (3) reached", result.Search.StopReason);
        Assert.Equal(3, manifest["automl"]!["trials"]!.GetValue<int>());
        Assert.Equal(result.Search.Best.Number, manifest["automl"]!["bestTrial"]!["trial"]!.GetValue<int>());
        Assert.Equal(42, manifest["seed"]!.GetValue<int>());
        Assert.Equal(64, manifest["data"]!["fingerprint"]!.GetValue<string>().Length);
        Assert.Equal(3237, manifest["data"]!["reviewedLabels"]!.GetValue<int>());
    }

    [Fact]
    public void The_leaderboard_lists_every_trial_best_first_as_csv_and_json()
    {
        var result = trained.Result;
        var csv = File.ReadAllLines(result.LeaderboardPaths[0]);
        var json = JsonNode.Parse(File.ReadAllText(result.LeaderboardPaths[1]))!;

        Assert.StartsWith("rank,trial,score,std,macroF1,macroF1:000_97cca7786c7f0218,macroF1:arxiv-cs-2025,macroF1:hf-daily-papers-2025,", csv[0]);
        Assert.Equal(1 + result.Search.Trials.Count, csv.Length);
        Assert.Equal(result.Search.Leaderboard[0].Number.ToString(), csv[1].Split(',')[1]);
        Assert.Equal(result.Search.Best!.Number, json["bestTrial"]!.GetValue<int>());
        Assert.Equal(result.Search.Trials.Count, json["trials"]!.AsArray().Count);
        Assert.Equal(5, json["trials"]![0]!["foldMacroF1"]!.AsArray().Count);
    }

    [Fact]
    public void The_shipped_trial_is_the_one_with_fewest_rule_parts_within_one_standard_error_of_the_top_score()
    {
        var result = trained.Result;
        var json = JsonNode.Parse(File.ReadAllText(result.LeaderboardPaths[1]))!;
        var trials = json["trials"]!.AsArray().Select(t => (
            Number: t!["trial"]!.GetValue<int>(),
            Score: t["score"]!.GetValue<double>(),
            Folds: t["foldMacroF1"]!.AsArray().Select(f => f!.GetValue<double>()).ToArray(),
            Parts: (t["configuration"]!["ruleWeight"]!.GetValue<double>() > 0 ? 1 : 0) + (t["configuration"]!["labelModelBlend"]!.GetValue<double>() > 0 ? 1 : 0)))
            .ToArray();
        var top = trials.OrderByDescending(t => t.Score).ThenBy(t => t.Number).First();
        var mean = top.Folds.Average();
        var se = Math.Sqrt(top.Folds.Sum(f => (f - mean) * (f - mean)) / (top.Folds.Length - 1) / top.Folds.Length);
        var expected = trials.Where(t => t.Score >= top.Score - se).OrderBy(t => t.Parts).ThenByDescending(t => t.Score).First();

        Assert.Equal(expected.Number, result.Search.Best!.Number);
        Assert.Equal(expected.Number, json["bestTrial"]!.GetValue<int>());
        Assert.StartsWith("one standard error: ", json["selection"]!.GetValue<string>());
        var manifest = ModelBundleFile.Load(result.BundlePath).Manifest;
        Assert.Equal("oneStandardError", manifest["automl"]!["selection"]!.GetValue<string>());
        Assert.Equal(expected.Number, manifest["automl"]!["bestTrial"]!["trial"]!.GetValue<int>());
    }

    [Fact]
    public void The_dev_predictions_file_holds_every_training_papers_out_of_fold_prediction_and_reproduces_the_dev_metrics()
    {
        var result = trained.Result;
        var corpus = TrainingRun.Corpus(result.Data);
        var lines = File.ReadAllLines(result.DevPredictionsPath).Select(l => JsonNode.Parse(l)!).ToArray();

        Assert.Equal(Path.ChangeExtension(result.BundlePath, null) + ".dev-predictions.jsonl", result.DevPredictionsPath);
        Assert.Equal(corpus.Labeled.Select(p => p.Paper.Id), lines.Select(l => l["id"]!.GetValue<string>()));
        // Day-grouped folds: every day's papers were scored by one fold's model.
        Assert.All(lines.GroupBy(l => l["day"]!.GetValue<string>()), day => Assert.Single(day.Select(l => l["fold"]!.GetValue<int>()).Distinct()));
        Assert.Equal(5, lines.Select(l => l["fold"]!.GetValue<int>()).Distinct().Count());
        Assert.All(lines, l =>
        {
            var p = l["probabilities"]!.AsObject();
            Assert.Equal(14, p.Count);
            Assert.Equal(1.0, p.Sum(kv => kv.Value!.GetValue<double>()), 3);
            Assert.Equal(p.MaxBy(kv => kv.Value!.GetValue<double>()).Key, l["predicted"]!.GetValue<string>());
        });

        // Macro-F1 over the topics present in the labels, from the file alone, is the dev macro-F1 the run reports; the
        // rules' column is the weak labeler on the same papers; the manifest's per-topic table agrees with both.
        var reviewed = lines.Where(l => l["reviewed"]!.GetValue<bool>()).ToArray();
        var model = reviewed.Select(l => (Label: l["label"]!.GetValue<string>(), Predicted: l["predicted"]!.GetValue<string>())).ToArray();
        var rules = reviewed.Select(l => (Label: l["label"]!.GetValue<string>(), Predicted: l["rules"]!.GetValue<string>())).ToArray();
        var present = model.Select(x => x.Label).Distinct().ToArray();
        Assert.Equal(result.Dev.MacroF1, present.Average(t => F1(model, t)), 6);
        Assert.Equal(result.RulesDev!.MacroF1, present.Average(t => F1(rules, t)), 6);
        var perTopic = ModelBundleFile.Load(result.BundlePath).Manifest["metrics"]!["devPerTopic"]!.AsArray();
        Assert.Equal(14, perTopic.Count);
        Assert.Equal(reviewed.Length, perTopic.Sum(t => t!["support"]!.GetValue<int>()));
        Assert.All(perTopic, t => Assert.Equal(F1(model, t!["topic"]!.GetValue<string>()), t!["modelF1"]!.GetValue<double>(), 6));
    }

    private static double F1(IReadOnlyList<(string Label, string Predicted)> pairs, string topic)
    {
        var truePositives = pairs.Count(x => x.Label == topic && x.Predicted == topic);
        return truePositives == 0 ? 0 : 2.0 * truePositives / (pairs.Count(x => x.Label == topic) + pairs.Count(x => x.Predicted == topic));
    }

    [Fact]
    public void Same_data_recipe_seed_and_trial_limit_give_the_same_leaderboard_and_a_byte_identical_bundle()
    {
        using var recipe = new TempRecipe(j => j["automl"] = new JsonObject { ["maxTrials"] = 2, ["folds"] = 3 });
        // The same files as the fixture's recipe, so its prepared data is this recipe's data (prep's own repeatability:
        // the Cli's RepeatabilityTests). Both trainings read it; neither may change it.
        var first = TrainingRun.Run(RecipeReader.Read(recipe.RecipePath), trained.Result.Data);
        var firstBytes = File.ReadAllBytes(first.BundlePath);
        var second = TrainingRun.Run(RecipeReader.Read(recipe.RecipePath), trained.Result.Data);

        Assert.Equal(firstBytes, File.ReadAllBytes(second.BundlePath));
        Assert.Equal(first.Search.Trials.Select(t => (t.Configuration.Key, t.Score)), second.Search.Trials.Select(t => (t.Configuration.Key, t.Score)));
    }

    [Fact]
    public void A_bundle_predicts_exactly_the_same_after_save_and_load()
    {
        var result = trained.Result;
        var loaded = ModelBundleFile.Load(result.BundlePath);
        var a = new float[14];
        var b = new float[14];
        foreach (var p in result.Data.InSplit(Split.HeldOut).Concat(result.Data.InSplit(Split.Train)))
        {
            result.Bundle.Classifier.Predict(p.Paper, a);
            loaded.Classifier.Predict(p.Paper, b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Explanations_name_terms_or_rules_of_the_paper()
    {
        var result = trained.Result;
        var paper = result.Data.InSplit(Split.HeldOut).First(p => p.Reviewed!.Topic == "unlearning-privacy").Paper;

        var terms = result.Bundle.Classifier.Explain(paper, "unlearning-privacy");

        Assert.NotEmpty(terms);
        Assert.All(terms, t => Assert.True(t.Contribution > 0));
        var text = (paper.Title + " " + paper.Abstract).ToLowerInvariant();
        Assert.Contains(terms, t => t.Term.StartsWith("rule", StringComparison.Ordinal) || text.Contains(t.Term.Split('/').Last().Split(' ')[0]));
    }

    [Fact]
    public void A_search_space_fixed_to_one_pipeline_trains_exactly_that_pipeline()
    {
        using var recipe = new TempRecipe(j => j["automl"] = new JsonObject
        {
            ["maxTrials"] = 5,
            ["folds"] = 3,
            ["searchSpace"] = JsonNode.Parse("""
                {"trainer": "LbfgsMaximumEntropy", "featurizer.maxWordNgramLength": 1, "featurizer.charNgrams": "off", "featurizer.minDocumentCount": 2,
                 "featurizer.titleWeight": 2, "LbfgsMaximumEntropy.l2Regularization": 0.05, "LbfgsMaximumEntropy.l1Regularization": 0,
                 "SdcaMaximumEntropy.l2Regularization": 0.0001, "ruleWeight": 1, "labelModelBlend": 0.2, "taxonomyPriorWeight": 0, "classBalance": 0,
                 "poolWeight": 0, "selfTraining": "off", "selfTrainingThreshold": 0.9, "selfTrainingWeight": 0.5, "topicFeatureWeight": 0}
                """),
        });
        var result = TrainingRun.Run(RecipeReader.Read(recipe.RecipePath), trained.Result.Data); // the fixture's data: the same files

        Assert.Single(result.Search.Trials);
        Assert.Equal("search space exhausted", result.Search.StopReason);
        Assert.Equal("LbfgsMaximumEntropy", result.Bundle.Manifest["trainer"]!["name"]!.GetValue<string>());
        Assert.Equal(0.2f, result.Bundle.Classifier.LabelModelBlend);
        Assert.Equal(1f, result.Bundle.Classifier.RuleWeight);
    }

    [Theory]
    [InlineData("""{"l2": 0.1}""", "$.automl.searchSpace.l2: unknown hyperparameter")]
    [InlineData("""{"trainer": "FastForest"}""", "$.automl.searchSpace.trainer: 'FastForest' is not an option of trainer")]
    [InlineData("""{"ruleWeight": {"min": 2, "max": 1}}""", "$.automl.searchSpace.ruleWeight: hyperparameter 'ruleWeight': needs finite min <= max")]
    [InlineData("""{"ruleWeight": "high"}""", "$.automl.searchSpace.ruleWeight: expected a number")]
    public void A_bad_search_space_override_fails_with_its_json_path(string overrides, string expected)
    {
        using var recipe = new TempRecipe(j => j["automl"] = new JsonObject { ["maxTrials"] = 1, ["searchSpace"] = JsonNode.Parse(overrides) });

        var error = Assert.Throws<TopicModelException>(() => Train(RecipeReader.Read(recipe.RecipePath)));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("""[{"rulWeight": 1}]""", "$.automl.initialConfigurations[0].rulWeight: unknown hyperparameter")]
    [InlineData("""[{"ruleWeight": 1}, {"trainer": "FastForest"}]""", "$.automl.initialConfigurations[1].trainer: 'FastForest' is not an option of trainer")]
    [InlineData("""[{"ruleWeight": 99}]""", "$.automl.initialConfigurations[0].ruleWeight: expected a number in [0, 8]")]
    [InlineData("""{"ruleWeight": 1}""", "$.automl.initialConfigurations: expected an array of objects")]
    public void A_bad_initial_configuration_fails_with_its_json_path(string initial, string expected)
    {
        using var recipe = new TempRecipe(j => j["automl"] = new JsonObject { ["maxTrials"] = 1, ["initialConfigurations"] = JsonNode.Parse(initial) });

        var error = Assert.Throws<TopicModelException>(() => Train(RecipeReader.Read(recipe.RecipePath)));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Topic_features_in_a_recipe_without_a_topic_model_fail_with_the_section_to_enable()
    {
        using var recipe = new TempRecipe(j =>
        {
            j.Remove("lda");
            j["automl"] = new JsonObject { ["maxTrials"] = 1, ["initialConfigurations"] = JsonNode.Parse("""[{"topicFeatureWeight": 2}]""") };
        });

        var error = Assert.Throws<TopicModelException>(() => Train(RecipeReader.Read(recipe.RecipePath)));
        Assert.Contains("$.automl.initialConfigurations[0].topicFeatureWeight: not searched here: topic features need the recipe's topic model (enable $.lda)", error.Message);
    }

    [Fact]
    public void An_unknown_automl_setting_fails_with_its_json_path()
    {
        using var recipe = new TempRecipe(j => j["automl"] = new JsonObject { ["maxTrial"] = 3 });

        var error = Assert.Throws<TopicModelException>(() => RecipeReader.Read(recipe.RecipePath));
        Assert.Contains("$.automl.maxTrial", error.Message);
    }
}
