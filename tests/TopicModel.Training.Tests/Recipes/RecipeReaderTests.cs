using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Recipes;

namespace TopicModel.Training.Tests.Recipes;

public class RecipeReaderTests
{
    [Fact]
    public void The_shipped_recipe_names_files_that_exist()
    {
        var recipe = RecipeReader.Read(RepoPaths.Recipe);

        Assert.Equal(RepoPaths.TrainingDigest, Assert.Single(recipe.Data.Train));
        Assert.Equal(RepoPaths.HeldOutDigest, Assert.Single(recipe.Data.HeldOut));
        Assert.Equal(RepoPaths.Taxonomy, recipe.TaxonomyPath);
        Assert.All(recipe.Data.Train.Concat(recipe.Data.HeldOut).Append(recipe.TaxonomyPath), p => Assert.True(File.Exists(p), p));
        Assert.Equal(42, recipe.Seed);
        // The forward test sets: later papers, evaluated only.
        Assert.Equal(["forward-2026.jsonl", "forward-2026-b.jsonl", "forward-2026-c.jsonl"], recipe.Data.Forward.Select(Path.GetFileName));
        Assert.All(recipe.Data.Forward, forward =>
        {
            Assert.True(File.Exists(forward), forward);
            Assert.DoesNotContain(forward, recipe.Data.Train.Concat(recipe.Data.Unlabeled));
        });
    }

    [Fact]
    public void Trailing_commas_and_comments_inside_the_search_space_are_read_as_in_the_rest_of_the_recipe()
    {
        // Found by the recipe fuzzer: the search space and starting points are re-read from their raw text.
        var recipe = RecipeReader.Parse("""
            {"data": {"train": ["a.txt"]},
             "automl": {"searchSpace": {"trainer": ["NaiveBayes", "OneVersusAll",], /* two */ },
                        "initialConfigurations": [{"trainer": "NaiveBayes",},]}}
            """, "/r/train.json");

        Assert.Equal(2, recipe.AutoML.SearchSpace!["trainer"]!.AsArray().Count);
        Assert.Single(recipe.AutoML.InitialConfigurations!);
    }

    [Fact]
    public void The_search_objective_defaults_to_the_mean_of_cross_validation_and_forward_folds()
    {
        var defaults = RecipeReader.Parse("""{"data": {"train": ["a.txt"]}}""", "/r/train.json").AutoML;
        Assert.Equal("mean", defaults.Objective);
        Assert.Equal(3, defaults.ForwardFolds);
        Assert.Equal("oneStandardError", defaults.Selection);
        Assert.Equal("best", RecipeReader.Parse("""{"data": {"train": ["a.txt"]}, "automl": {"selection": "best"}}""", "/r/train.json").AutoML.Selection);

        var cv = RecipeReader.Parse("""{"data": {"train": ["a.txt"]}, "automl": {"objective": "crossValidation", "forwardFolds": 0}}""", "/r/train.json").AutoML;
        Assert.Equal(("crossValidation", 0), (cv.Objective, cv.ForwardFolds));
        Assert.Empty(RecipeReader.Parse("""{"data": {"train": ["a.txt"]}}""", "/r/train.json").Data.Forward);
    }

    [Fact]
    public void Paths_resolve_against_the_recipe_folder_not_the_working_directory()
    {
        var recipe = RecipeReader.Parse("""{"data": {"train": ["d/a.txt"]}}""", "/somewhere/else/train.json");

        Assert.Equal("/somewhere/else/d/a.txt", recipe.Data.Train[0]);
        Assert.Equal("/somewhere/else/data/taxonomy.json", recipe.TaxonomyPath);
    }

    [Theory]
    [InlineData("""{"data": {"train": ["a.txt"]}, "labeling": {"labelModle": "majority"}}""", "$.labeling.labelModle: unknown setting (did you mean \"labelModel\"?)")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "seed": "x"}""", "$.seed: expected an integer, found the string \"x\"")]
    [InlineData("""{"data": {"train": []}}""", "$.data.train: expected at least one training")]
    [InlineData("""{"data": {"train": ["a.txt", 3]}}""", "$.data.train[1]: expected a non-empty string, found the number 3")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "labeling": {"labelModel": "snorkel"}}""", "$.labeling.labelModel: expected one of \"majority\", \"generative\"")]
    [InlineData("""{"formatVersion": 9, "data": {"train": ["a.txt"]}}""", "$.formatVersion: this recipe has format version 9")]
    [InlineData("""{}""", "$.data: the recipe needs a data section")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "automl": {"objective": "dev"}}""", "$.automl.objective: expected one of \"crossValidation\", \"forward\", \"mean\", \"latestForward\"")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "automl": {"objective": "latestForward", "forwardFolds": 0}}""", "$.automl.objective: 'latestForward' needs forward folds")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "automl": {"forwardFolds": 0}}""", "$.automl.objective: 'mean' needs forward folds")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "automl": {"selection": "simplest"}}""", "$.automl.selection: expected one of \"oneStandardError\", \"best\"")]
    [InlineData("""{"data": {"train": ["a.txt"], "forward": "b.jsonl"}}""", "$.data.forward")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "lda": {"numberOfTopics": 0}}""", "$.lda.numberOfTopics")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "lda": {"maximumDocumentFrequency": 1.5}}""", "$.lda.maximumDocumentFrequency")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "lda": {"numberOfTopcs": 12}}""", "$.lda.numberOfTopcs: unknown setting")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "lda": {"wordPromotionWeight": -0.1}}""", "$.lda.wordPromotionWeight")]
    [InlineData("""{"data": {"train": ["a.txt"]}, "lda": {"inference": "mcmc"}}""", "$.lda.inference: expected one of \"cvb0\", \"gibbs\"")]
    [InlineData("""{"data": {"train": ["a.txt"]},}}""", "not valid JSON")]
    [InlineData("""{"data": {"train": ["a.txt"], "digestYear": 0}}""", "$.data.digestYear: expected an integer from 1 to 9999, found 0")]
    public void Errors_name_the_json_path_and_what_was_expected(string json, string expected)
    {
        var error = Assert.Throws<TopicModelException>(() => RecipeReader.Parse(json, "/r/train.json"));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith("/r/train.json", error.Message);
    }

    [Fact]
    public void Fold_in_is_cvb0_unless_the_lda_section_asks_for_gibbs()
    {
        var plain = RecipeReader.Parse("""{"data": {"train": ["a.txt"]}, "lda": {"numberOfTopics": 12}}""", "/r/train.json");
        var gibbs = RecipeReader.Parse("""{"data": {"train": ["a.txt"]}, "lda": {"inference": "Gibbs", "inferenceIterations": 40}}""", "/r/train.json");

        Assert.Equal(TopicModel.ML.Lda.LdaInference.Cvb0, plain.Lda.Options.Inference);
        Assert.Equal((TopicModel.ML.Lda.LdaInference.Gibbs, 40), (gibbs.Lda.Options.Inference, gibbs.Lda.Options.InferenceIterations));
        Assert.Equal(TopicModel.ML.Lda.LdaInference.Cvb0, RecipeReader.Read(RepoPaths.Recipe).Lda.Options.Inference);
    }

    [Fact]
    public void Word_promotion_is_off_unless_the_lda_section_turns_it_on()
    {
        var plain = RecipeReader.Parse("""{"data": {"train": ["a.txt"]}, "lda": {"numberOfTopics": 12}}""", "/r/train.json");
        var promoted = RecipeReader.Parse("""{"data": {"train": ["a.txt"]}, "lda": {"wordPromotionWeight": 0.05, "wordPromotionNeighbors": 7}}""", "/r/train.json");

        Assert.Equal(0, plain.Lda.Options.WordPromotionWeight);
        Assert.Equal(0.05, promoted.Lda.Options.WordPromotionWeight);
        Assert.Equal(7, promoted.Lda.Options.WordPromotionNeighbors);
        Assert.Equal(0, RecipeReader.Read(RepoPaths.Recipe).Lda.Options.WordPromotionWeight);
    }

    [Fact]
    public void Digest_year_is_a_data_setting_and_absent_by_default()
    {
        var dated = RecipeReader.Parse("""{"data": {"train": ["a.txt"], "digestYear": 2024}}""", "/r/train.json");

        Assert.Equal(2024, dated.Data.DigestYear);
        Assert.Null(RecipeReader.Read(RepoPaths.Recipe).Data.DigestYear);
    }

    [Fact]
    public void A_missing_recipe_file_says_how_to_point_at_one()
    {
        var error = Assert.Throws<TopicModelException>(() => RecipeReader.Read("/no/such/train.json"));

        Assert.Contains("--recipe", error.Message);
    }
}
