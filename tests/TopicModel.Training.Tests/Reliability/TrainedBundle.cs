using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.TestSupport;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.Training.Tests.Reliability;

/// <summary>
/// One real bundle (the shipped recipe cut to three trials, with its LDA topic model) trained once and
/// shared by every reliability test class that needs a model, instead of one training run per test.
/// </summary>
public sealed class TrainedBundle : IDisposable
{
    public const string Collection = "trained bundle";

    public TrainedBundle()
    {
        var recipe = RecipeReader.Read(Recipe.RecipePath);
        var data = DataPreparation.Run(new PrepInputs(recipe.TaxonomyPath, recipe.Data.Train, [], [], recipe.Data.ReviewedLabels, new LabelingOptions()));
        Path = TrainingRun.Run(recipe, data).BundlePath;
    }

    public TempRecipe Recipe { get; } = new();

    public string Path { get; }

    public void Dispose() => Recipe.Dispose();
}

[CollectionDefinition(TrainedBundle.Collection)]
public sealed class TrainedBundleCollection : ICollectionFixture<TrainedBundle>;
