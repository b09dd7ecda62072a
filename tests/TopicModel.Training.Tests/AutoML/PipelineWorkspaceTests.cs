using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.ML;
using TopicModel.Training.AutoML;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Scoring;
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

    [Fact]
    public void Topic_features_append_the_papers_lda_mixture_and_survive_a_bundle_round_trip()
    {
        var lda = trained.Result.Bundle.Lda!;
        var corpus = TrainingRun.Corpus(trained.Result.Data);
        var workspace = new PipelineWorkspace(corpus, new RuleFeatures(trained.Result.Data.Taxonomy, new LabelingOptions()), seed: 3, lda);
        // The one way a fold's held-out papers reach training (their text, through LDA) is said in the printed rule.
        Assert.Contains("topic features come from one LDA fitted without labels", new PipelineValidation(workspace, 5, 3).Rule);
        Assert.DoesNotContain("LDA", new PipelineValidation(Workspace(), 5, 3).Rule);
        var options = new PipelineOptions { RuleWeight = 1f, TopicFeatureWeight = 2f };
        var fitted = workspace.Fit(options, Enumerable.Range(0, 300).ToArray(), "first 300");
        var classifier = fitted.Classifier;
        var paper = corpus.Labeled[5].Paper;

        // The last K features are the paper's fold-in mixture, scaled; seeded topics are named by their taxonomy id.
        var features = classifier.Featurize(paper);
        var topicStart = classifier.Featurizer.Dimension + workspace.Rules.Dimension;
        Assert.Equal(topicStart + lda.NumberOfTopics, features.Dimension);
        var mixture = lda.InferText(LdaStep.Text(paper));
        for (var t = 0; t < lda.NumberOfTopics; t++)
        {
            var at = Array.IndexOf(features.Indices, topicStart + t);
            Assert.Equal(2f * mixture[t], at < 0 ? 0f : features.Values[at], 6);
        }
        Assert.Equal($"lda-topic:0:{lda.SeedTopics[0].Label}", classifier.FeatureName(topicStart));

        // The cached rows the search scores with are the features the saved classifier computes.
        var fast = new float[14];
        var slow = new float[14];
        foreach (var i in new[] { 0, 299, 300, workspace.Corpus.PoolStart, workspace.Corpus.TaxonomyStart })
        {
            fitted.Predict(i, fast);
            classifier.Predict(workspace.Corpus.Documents[i].Paper, slow);
            Assert.Equal(slow, fast);
        }

        var dir = Directory.CreateTempSubdirectory("topic-features").FullName;
        try
        {
            RoundTrip(dir, classifier, corpus);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private void RoundTrip(string dir, TextClassifier classifier, TrainingCorpus corpus)
    {
        var slow = new float[14];
        var path = Path.Combine(dir, "topics.zip");
        ModelBundleFile.Save(path, trained.Result.Bundle with { Classifier = classifier });
        var bundle = ModelBundleFile.Load(path);
        var loaded = bundle.Classifier;
        Assert.Equal(2f, loaded.TopicFeatureWeight);
        var again = new float[14];
        foreach (var p in corpus.Labeled.Take(20).Select(e => e.Paper))
        {
            classifier.Predict(p, slow);
            loaded.Predict(p, again);
            Assert.Equal(slow, again);
            // Scoring infers the mixture once for the output and the features: same probabilities, same mixture.
            var scored = BatchScorer.Classify(p, loaded, 14, bundle.Lda);
            Assert.All(scored.Top, t => Assert.Equal(again[bundle.Taxonomy.IndexOf(t.Topic)], t.Probability));
            Assert.Equal(TextClassifier.TopicMixture(bundle.Lda!, p), scored.TopicMixture);
        }

        // Without lda.bin the classifier cannot be rebuilt: the load says why instead of scoring with missing features.
        var orphan = Path.Combine(dir, "orphan.zip");
        ModelBundleFile.Save(orphan, trained.Result.Bundle with { Classifier = classifier, Lda = null });
        var error = Assert.Throws<TopicModelException>(() => ModelBundleFile.Load(orphan));
        Assert.Contains("topicFeatureWeight", error.Message);
        Assert.Contains("lda.bin", error.Message);
    }

    [Fact]
    public void Topic_features_without_a_topic_model_fail_with_the_recipe_section_to_enable()
    {
        var error = Assert.Throws<TopicModelException>(() =>
            Workspace().Fit(new PipelineOptions { TopicFeatureWeight = 1f }, Enumerable.Range(0, 50).ToArray(), "first 50"));
        Assert.Contains("$.lda", error.Message);
    }
}
