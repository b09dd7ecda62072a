using System.Text.Json.Nodes;
using TopicModel.ML.AutoML;
using TopicModel.TestSupport;
using TopicModel.Training.AutoML;

namespace TopicModel.Training.Tests.AutoML;

public sealed class PipelineSearchSpaceTests
{
    [Fact]
    public void The_recipe_schema_names_exactly_the_declared_hyperparameters()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "train.schema.json")))!;
        var names = schema["properties"]!["automl"]!["properties"]!["searchSpace"]!["propertyNames"]!["enum"]!.AsArray()
            .Select(n => n!.GetValue<string>()).Order().ToArray();

        Assert.Equal(PipelineSearchSpace.Declared.Select(d => d.Name).Order().ToArray(), names);
    }

    [Fact]
    public void The_shipped_recipe_starts_the_search_from_valid_configurations()
    {
        var recipe = TopicModel.Training.Recipes.RecipeReader.Read(RepoPaths.Recipe);
        var space = new SearchSpace(PipelineSearchSpace.Declared);

        Assert.NotNull(recipe.AutoML.InitialConfigurations);
        foreach (var (o, i) in recipe.AutoML.InitialConfigurations.Select((o, i) => (o!.AsObject(), i)))
            PipelineSearchSpace.ToPipeline(PipelineSearchSpace.FromJson(o, space, $"$.automl.initialConfigurations[{i}]", RepoPaths.Recipe));
    }

    [Fact]
    public void Every_point_of_the_declared_space_maps_to_a_trainable_pipeline()
    {
        var space = new SearchSpace(PipelineSearchSpace.Declared);
        var random = new Random(5);
        foreach (var configuration in Enumerable.Range(0, 200).Select(_ => space.Sample(random)).Prepend(space.Default()))
        {
            var pipeline = PipelineSearchSpace.ToPipeline(configuration);
            // The catalog validates the trainer's options as a recipe would; nothing may be unknown or out of range.
            Trainers.TrainerCatalog.Create(pipeline.Trainer, pipeline.TrainerOptions, seed: 1);
            Assert.InRange(pipeline.LabelModelBlend, 0, 1);
            Assert.True(pipeline.RuleWeight >= 0);
        }
    }

    [Fact]
    public void The_default_is_the_cheap_text_only_start_of_cost_frugal_search()
    {
        var pipeline = PipelineSearchSpace.ToPipeline(new SearchSpace(PipelineSearchSpace.Declared).Default());

        Assert.Equal("SdcaMaximumEntropy", pipeline.Trainer);
        Assert.Equal(1, pipeline.Featurizer.MaxWordNgramLength);
        Assert.False(pipeline.Featurizer.CharNgrams);
        Assert.Equal(0f, pipeline.RuleWeight);
        Assert.Equal(0f, pipeline.PoolWeight);
        Assert.Equal(0f, pipeline.SelfTrainingThreshold);
    }

    [Fact]
    public void Topic_features_are_searched_only_when_the_recipe_fits_a_topic_model()
    {
        var taxonomy = TopicModel.DataPrep.Taxonomies.TaxonomyReader.Read(Path.Combine(RepoPaths.Root, "data", "taxonomy.json"));
        var corpus = new TopicModel.Training.Pipelines.TrainingCorpus(taxonomy, [], []);

        Assert.DoesNotContain(PipelineSearchSpace.For(corpus, null, "train.json").Dimensions, d => d.Name == "topicFeatureWeight");
        var withTopics = PipelineSearchSpace.For(corpus, null, "train.json", hasTopicModel: true);
        Assert.Contains(withTopics.Dimensions, d => d.Name == "topicFeatureWeight");
        Assert.Equal(0f, PipelineSearchSpace.ToPipeline(withTopics.Default()).TopicFeatureWeight);
    }

    [Fact]
    public void Sentence_encoders_are_searched_only_when_the_recipe_lists_them()
    {
        var corpus = new TopicModel.Training.Pipelines.TrainingCorpus(DataPrep.Taxonomies.TaxonomyReader.Read(RepoPaths.Taxonomy), [], []);

        var plain = PipelineSearchSpace.For(corpus, null, "train.json");
        Assert.DoesNotContain(plain.Dimensions, d => d.Name is "encoder" or "embeddingWeight");
        Assert.Empty(PipelineSearchSpace.Encoders(plain));
        var e = Assert.Throws<TopicModel.ML.TopicModelException>(() =>
            PipelineSearchSpace.For(corpus, new JsonObject { ["embeddingWeight"] = 2 }, "train.json"));
        Assert.Contains("$.automl.searchSpace.embeddingWeight: not searched here: sentence embeddings are searched only when the recipe lists encoders", e.Message);

        var withEncoders = PipelineSearchSpace.For(corpus, new JsonObject { ["encoder"] = new JsonArray("none", "MiniLM") }, "train.json");
        Assert.Equal(["MiniLM"], PipelineSearchSpace.Encoders(withEncoders));
        Assert.Contains(withEncoders.Dimensions, d => d.Name == "embeddingWeight");
        var bad = Assert.Throws<TopicModel.ML.TopicModelException>(() =>
            PipelineSearchSpace.For(corpus, new JsonObject { ["encoder"] = new JsonArray("none", "bert-large") }, "train.json"));
        Assert.Contains("'bert-large' is not an option of encoder; options: none, MiniLM, ArcticXs", bad.Message);
    }

    [Fact]
    public void The_embedding_weight_matters_only_with_an_encoder()
    {
        var corpus = new TopicModel.Training.Pipelines.TrainingCorpus(DataPrep.Taxonomies.TaxonomyReader.Read(RepoPaths.Taxonomy), [], []);
        var space = PipelineSearchSpace.For(corpus, new JsonObject { ["encoder"] = new JsonArray("none", "ArcticXs") }, "train.json");
        Configuration With(string encoder, double weight) =>
            new(space.Default().Values.Select(kv => kv.Key switch
            {
                "encoder" => KeyValuePair.Create(kv.Key, (object)encoder),
                "embeddingWeight" => KeyValuePair.Create(kv.Key, (object)weight),
                _ => kv,
            }));

        Assert.Equal(PipelineSearchSpace.Canonical(With("none", 0.5), space).Key, PipelineSearchSpace.Canonical(With("none", 4), space).Key);
        Assert.NotEqual(PipelineSearchSpace.Canonical(With("ArcticXs", 0.5), space).Key, PipelineSearchSpace.Canonical(With("ArcticXs", 4), space).Key);
        var pipeline = PipelineSearchSpace.ToPipeline(With("ArcticXs", 4));
        Assert.Equal(("ArcticXs", 4f), (pipeline.Encoder, pipeline.EmbeddingWeight));
        Assert.Equal((null, 0f), (PipelineSearchSpace.ToPipeline(With("none", 4)).Encoder, PipelineSearchSpace.ToPipeline(With("none", 4)).EmbeddingWeight));
    }
}
