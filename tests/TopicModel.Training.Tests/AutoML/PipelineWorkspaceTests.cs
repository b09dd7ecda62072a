using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Tests.Pipelines;

namespace TopicModel.Training.Tests.AutoML;

[Collection(TrainedModelCollection.Name)]
public sealed class PipelineWorkspaceTests(TrainedModel trained)
{
    private PipelineWorkspace Workspace() => trained.Workspace();

    [Theory]
    [InlineData("SdcaMaximumEntropy", 1.5f, 0.3f, 0f)]
    [InlineData("NaiveBayes", 0f, 0.5f, 0.2f)]
    [InlineData("OneVersusAll", 2f, 0f, 0f)]
    public void The_cached_fast_path_predicts_exactly_what_the_saved_classifier_predicts(string trainer, float ruleWeight, float blend, float poolWeight)
    {
        var workspace = Workspace();
        var options = new PipelineOptions { Trainer = trainer, RuleWeight = ruleWeight, LabelModelBlend = blend, PoolWeight = poolWeight };
        var fitted = workspace.Fit(options, Enumerable.Range(0, 300).ToArray(), "first 300");

        var fast = new float[14];
        var slow = new float[14];
        foreach (var i in new[] { 0, 299, 300, 516, workspace.Corpus.PoolStart, workspace.Corpus.TaxonomyStart })
        {
            fitted.Predict(i, fast);
            fitted.Classifier.Predict(workspace.Corpus.Documents[i].Paper, slow);
            Assert.Equal(slow, fast);
        }
    }

    [Fact]
    public void Rule_features_are_appended_after_the_text_features_and_named()
    {
        var workspace = Workspace();
        var classifier = workspace.Fit(new PipelineOptions { RuleWeight = 1f }, Enumerable.Range(0, 100).ToArray(), "first 100").Classifier;
        var paper = workspace.Corpus.Labeled.First(p => p.Paper.Title.Contains("Unlearning", StringComparison.OrdinalIgnoreCase)).Paper;

        var features = classifier.Featurize(paper);

        Assert.Equal(classifier.Featurizer.Dimension + workspace.Rules.Dimension, features.Dimension);
        var ruleIndices = features.Indices.Where(i => i >= classifier.Featurizer.Dimension).ToArray();
        Assert.NotEmpty(ruleIndices);
        Assert.Contains(ruleIndices, i => classifier.FeatureName(i) == "rule:title:unlearning-privacy");
        Assert.Contains(ruleIndices, i => classifier.FeatureName(i) == "rule-vote:unlearning-privacy");
    }

    [Fact]
    public void Self_training_adds_only_confident_pool_papers_and_changes_the_model()
    {
        var workspace = Workspace();
        var labeled = Enumerable.Range(0, workspace.Corpus.Labeled.Count).ToArray();
        var plain = workspace.Fit(new PipelineOptions { RuleWeight = 1f }, labeled, "all");
        var selfTrained = workspace.Fit(new PipelineOptions { RuleWeight = 1f, SelfTrainingThreshold = 0.6f }, labeled, "all");

        var a = new float[14];
        var b = new float[14];
        var differ = 0;
        for (var i = workspace.Corpus.PoolStart; i < workspace.Corpus.PoolStart + 200; i++)
        {
            plain.Predict(i, a);
            selfTrained.Predict(i, b);
            if (!a.SequenceEqual(b)) differ++;
        }
        Assert.True(differ > 100, $"only {differ} of 200 pool predictions changed");
    }

    [Fact]
    public void Rule_votes_are_uniform_when_no_keyword_fires()
    {
        var rules = new RuleFeatures(trained.Result.Data.Taxonomy, new LabelingOptions());
        var paper = new DataPrep.Papers.Paper("x", "Zebra migration patterns", "We count zebras crossing rivers in the dry season.", "d", null, null, 1);
        var votes = new float[14];

        rules.VoteDistribution(paper, votes);

        Assert.All(votes, v => Assert.Equal(1f / 14, v, 6));
        Assert.False(rules.Write(paper, new float[rules.Dimension]));
    }
}
