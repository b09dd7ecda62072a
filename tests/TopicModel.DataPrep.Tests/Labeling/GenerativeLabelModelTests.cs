using TopicModel.DataPrep.Labeling;
using TopicModel.ML;

namespace TopicModel.DataPrep.Tests.Labeling;

public class GenerativeLabelModelTests
{
    private static readonly double[] Priors = [0.4, 0.3, 0.2, 0.1];

    [Fact]
    public void Recovers_function_accuracies_and_propensities_without_gold_labels()
    {
        double[] accuracies = [0.95, 0.85, 0.75, 0.65, 0.55, 0.9, 0.7];
        double[] propensities = [0.3, 0.6, 0.8, 0.5, 0.9, 0.4, 0.7];
        var data = SyntheticVotes.Generate(4000, Priors, accuracies, propensities, seed: 11);

        var model = (FittedGenerativeLabelModel)new GenerativeLabelModel().Fit(data.Matrix);

        Assert.True(model.Converged);
        for (var j = 0; j < accuracies.Length; j++)
        {
            Assert.InRange(model.Functions[j].Accuracy, accuracies[j] - 0.05, accuracies[j] + 0.05);
            Assert.InRange(model.Functions[j].Propensity, propensities[j] - 0.05, propensities[j] + 0.05);
        }
        // Priors are estimated over covered papers, which every class reaches alike here.
        for (var c = 0; c < Priors.Length; c++)
            Assert.InRange(model.ClassPriors[c], Priors[c] - 0.04, Priors[c] + 0.04);
    }

    [Fact]
    public void Beats_majority_vote_when_a_few_accurate_functions_face_many_noisy_ones()
    {
        double[] accuracies = [0.92, 0.9, 0.88, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4];
        double[] propensities = [0.5, 0.5, 0.5, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9];
        var data = SyntheticVotes.Generate(3000, [0.25, 0.25, 0.25, 0.25], accuracies, propensities, seed: 5);

        var majority = data.Accuracy(new MajorityVoteLabelModel().Fit(data.Matrix).Predict(data.Matrix));
        var generative = data.Accuracy(new GenerativeLabelModel().Fit(data.Matrix).Predict(data.Matrix));

        Assert.True(generative > majority + 0.03, $"generative {generative:F3} vs majority vote {majority:F3}");
    }

    [Fact]
    public void Hit_levels_let_many_hit_votes_count_more_than_single_mentions()
    {
        // Every function is a coin flip on single mentions, but a vote with two hits is always right.
        double[] accuracies = [0.6, 0.6, 0.6, 0.6, 0.6];
        double[] propensities = [0.7, 0.7, 0.7, 0.7, 0.7];
        var data = SyntheticVotes.Generate(3000, [0.25, 0.25, 0.25, 0.25], accuracies, propensities, seed: 21, strongWhenRight: 0.5);

        var flat = data.Accuracy(new GenerativeLabelModel(new GenerativeLabelModelOptions(HitLevels: 1)).Fit(data.Matrix).Predict(data.Matrix));
        var leveled = data.Accuracy(new GenerativeLabelModel(new GenerativeLabelModelOptions(HitLevels: 2)).Fit(data.Matrix).Predict(data.Matrix));

        Assert.True(leveled > flat + 0.03, $"two hit levels {leveled:F3} vs one {flat:F3}");
    }

    [Fact]
    public void Same_votes_give_identical_models_and_labels()
    {
        var data = SyntheticVotes.Generate(800, Priors, [0.9, 0.7, 0.6], [0.6, 0.7, 0.8], seed: 3);

        var a = new GenerativeLabelModel().Fit(data.Matrix);
        var b = new GenerativeLabelModel().Fit(data.Matrix);

        Assert.Equal(a.Functions, b.Functions);
        var la = a.Predict(data.Matrix);
        var lb = b.Predict(data.Matrix);
        for (var i = 0; i < la.Count; i++)
        {
            Assert.Equal(la[i]?.Topic, lb[i]?.Topic);
            Assert.Equal(la[i]?.Probabilities, lb[i]?.Probabilities);
        }
    }

    [Fact]
    public void Probabilities_sum_to_one_and_the_topic_is_the_most_probable_class()
    {
        var data = SyntheticVotes.Generate(500, Priors, [0.8, 0.7, 0.6], [0.5, 0.5, 0.5], seed: 8);

        var labels = new GenerativeLabelModel().Fit(data.Matrix).Predict(data.Matrix);

        foreach (var label in labels.OfType<WeakLabel>())
        {
            Assert.Equal(1.0, label.Probabilities.Sum(), 4);
            Assert.Equal(label.Topic, data.Matrix.ClassNames[Array.IndexOf(label.Probabilities, label.Probabilities.Max())]);
            Assert.NotEmpty(label.FiredFunctions);
        }
    }

    [Fact]
    public void Uncovered_papers_get_the_fallback_class_or_no_label()
    {
        int[,] votes = { { 0, 0 }, { 1, -1 }, { -1, -1 }, { 0, 1 } };
        var withFallback = LabelMatrix.FromVotes(votes, ["a", "b", "other"], fallbackClass: 2);
        var withoutFallback = LabelMatrix.FromVotes(votes, ["a", "b", "other"]);

        var fallback = new GenerativeLabelModel().Fit(withFallback).Predict(withFallback);
        var none = new GenerativeLabelModel().Fit(withoutFallback).Predict(withoutFallback);

        Assert.Equal("other", fallback[2]!.Topic);
        Assert.Equal([0f, 0f, 1f], fallback[2]!.Probabilities);
        Assert.Null(none[2]);
        Assert.Equal("a", none[0]!.Topic);
    }

    [Fact]
    public void Bad_options_and_mismatched_matrices_fail_clearly()
    {
        var data = SyntheticVotes.Generate(50, Priors, [0.8, 0.7], [0.5, 0.5], seed: 1);
        var other = SyntheticVotes.Generate(50, Priors, [0.8, 0.7, 0.6], [0.5, 0.5, 0.5], seed: 1);

        var e = Assert.Throws<TopicModelException>(() => new GenerativeLabelModel(new GenerativeLabelModelOptions(Smoothing: 0)).Fit(data.Matrix));
        Assert.Contains("Smoothing", e.Message);
        Assert.Contains("HitLevels", Assert.Throws<TopicModelException>(() => new GenerativeLabelModel(new GenerativeLabelModelOptions(HitLevels: 0)).Fit(data.Matrix)).Message);
        Assert.Contains("MaxIterations", Assert.Throws<TopicModelException>(() => new GenerativeLabelModel(new GenerativeLabelModelOptions(MaxIterations: 0)).Fit(data.Matrix)).Message);
        var fitted = new GenerativeLabelModel().Fit(data.Matrix);
        Assert.Contains("functions", Assert.Throws<TopicModelException>(() => fitted.Predict(other.Matrix)).Message);
    }
}
