using TopicModel.DataPrep.Labeling;
using TopicModel.TestSupport;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;
using TopicModel.Training.Tests.Pipelines;

namespace TopicModel.Training.Tests;

/// <summary>
/// One real training on the shipped data (the recipe cut to three trials, with its LDA topic model), run once for
/// every test class that needs a trained model or bundle rather than once per class or per test: training is the
/// slow part of this suite. Tests that only read it share it; a test that must train differently trains its own.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    public TrainedModel()
    {
        Recipe = new TempRecipe();
        Result = TrainingRunTests.Train(RecipeReader.Read(Recipe.RecipePath));
    }

    public TempRecipe Recipe { get; }
    public TrainingResult Result { get; }

    /// <summary>The saved bundle (models/test.zip in the recipe's folder): read it, copy it, never change it.</summary>
    public string BundlePath => Result.BundlePath;

    /// <summary>A fresh workspace over the trained recipe's corpus (seed 3), for pipeline-level tests.</summary>
    public PipelineWorkspace Workspace() =>
        new(TrainingRun.Corpus(Result.Data), new RuleFeatures(Result.Data.Taxonomy, new LabelingOptions()), seed: 3);

    public void Dispose() => Recipe.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TrainedModelCollection : ICollectionFixture<TrainedModel>
{
    public const string Name = "trained model";
}
