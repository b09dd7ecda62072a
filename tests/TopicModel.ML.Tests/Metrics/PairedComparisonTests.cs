using TopicModel.ML.Metrics;

namespace TopicModel.ML.Tests.Metrics;

public class PairedComparisonTests
{
    private static readonly BootstrapOptions Options = new() { Resamples = 500, Seed = 13 };

    private static MulticlassPredictions Model(int[] labels, double strength, int seed) =>
        MulticlassPredictions.Create(labels, SyntheticPredictions.Probabilities(labels, 5, strength, seed), SyntheticPredictions.ClassNames(5));

    [Fact]
    public void A_clearly_better_model_is_detected()
    {
        var labels = SyntheticPredictions.Labels(300, 5, seed: 1);
        var weak = Model(labels, 0.5, seed: 2);
        var strong = Model(labels, 2.5, seed: 3);

        var result = PairedComparison.Compare(weak, strong, Options);

        Assert.True(result.MicroAccuracy.Difference > 0);
        Assert.True(result.MicroAccuracy.Lower > 0, $"CI [{result.MicroAccuracy.Lower}, {result.MicroAccuracy.Upper}]");
        Assert.True(result.MicroAccuracy.PValue < 0.01);
        Assert.True(result.MacroF1.Lower > 0);
        Assert.True(result.MacroF1.PValue < 0.01);
        Assert.True(result.McNemar.ExactPValue < 0.01);
        Assert.True(result.McNemar.OnlyCandidateCorrect > result.McNemar.OnlyBaselineCorrect);
        Assert.Equal(MulticlassEvaluator.Evaluate(strong).MicroAccuracy - MulticlassEvaluator.Evaluate(weak).MicroAccuracy,
            result.MicroAccuracy.Difference, 1e-12);
    }

    [Fact]
    public void Swapping_the_models_flips_the_difference_and_keeps_the_p_value()
    {
        var labels = SyntheticPredictions.Labels(150, 5, seed: 4);
        var a = Model(labels, 1.0, seed: 5);
        var b = Model(labels, 1.5, seed: 6);

        var ab = PairedComparison.Compare(a, b, Options);
        var ba = PairedComparison.Compare(b, a, Options);

        Assert.Equal(ab.MicroAccuracy.Difference, -ba.MicroAccuracy.Difference, 1e-12);
        Assert.Equal(ab.MicroAccuracy.Lower, -ba.MicroAccuracy.Upper, 1e-12);
        Assert.Equal(ab.MicroAccuracy.PValue, ba.MicroAccuracy.PValue, 1e-12);
        Assert.Equal(ab.McNemar.ExactPValue, ba.McNemar.ExactPValue, 1e-12);
    }

    [Fact]
    public void Identical_models_show_no_difference()
    {
        var labels = SyntheticPredictions.Labels(120, 5, seed: 7);
        var model = Model(labels, 1.0, seed: 8);

        var result = PairedComparison.Compare(model, model, Options);

        Assert.Equal((0.0, 0.0, 0.0), (result.MicroAccuracy.Difference, result.MicroAccuracy.Lower, result.MicroAccuracy.Upper));
        Assert.Equal(1, result.MicroAccuracy.PValue);
        Assert.Equal(1, result.MacroF1.PValue);
        Assert.Equal(1, result.McNemar.ExactPValue);
    }

    [Fact]
    public void Equally_good_models_are_rarely_called_different()
    {
        // Under the null (same skill, independent errors) the test should reject at 5% about 5% of the time.
        var rejections = 0;
        const int replicates = 60;
        for (var r = 0; r < replicates; r++)
        {
            var labels = SyntheticPredictions.Labels(150, 5, seed: 100 + r);
            var result = PairedComparison.Compare(
                Model(labels, 1.2, seed: 1000 + r),
                Model(labels, 1.2, seed: 2000 + r),
                new BootstrapOptions { Resamples = 200, Seed = r });
            if (result.MicroAccuracy.PValue < 0.05) rejections++;
        }

        Assert.InRange(rejections, 0, 8);
    }

    [Fact]
    public void Predictions_on_different_examples_are_rejected()
    {
        var a = Model(SyntheticPredictions.Labels(50, 5, seed: 1), 1, seed: 2);
        var b = Model(SyntheticPredictions.Labels(50, 5, seed: 9), 1, seed: 2);
        var c = Model(SyntheticPredictions.Labels(40, 5, seed: 1), 1, seed: 2);

        Assert.Contains("true class differs", Assert.Throws<TopicModelException>(() => PairedComparison.Compare(a, b, Options)).Message);
        Assert.Contains("same examples", Assert.Throws<TopicModelException>(() => PairedComparison.Compare(a, c, Options)).Message);
    }
}
