using MathNet.Numerics.Statistics;
using TopicModel.ML.AutoML;

namespace TopicModel.ML.Tests.AutoML;

public sealed class OneStandardErrorRuleTests
{
    // "parts" stands for a pipeline's complexity; the scores and fold spreads are of the size a real search gives.
    private static Trial Trial(int number, int parts, params double[] folds) =>
        new(number, new Configuration([KeyValuePair.Create("parts", (object)parts)]), folds.Average(), 0, folds, new Dictionary<string, double>(), TimeSpan.Zero, null);

    private static int Parts(Configuration c) => c.Int("parts");

    [Fact]
    public void The_standard_error_is_the_sample_deviation_of_the_folds_over_their_square_root()
    {
        double[] folds = [0.6585, 0.5365, 0.5990, 0.4958, 0.5700];

        Assert.Equal(Statistics.StandardDeviation(folds) / Math.Sqrt(folds.Length), OneStandardErrorRule.StandardError(folds), 12);
        Assert.Equal(0, OneStandardErrorRule.StandardError([0.5]));
    }

    [Fact]
    public void A_simpler_trial_within_one_standard_error_of_the_top_is_chosen_over_it()
    {
        var top = Trial(2, 2, 0.66, 0.54, 0.60, 0.50, 0.57);      // mean 0.574, SE 0.027
        var simpler = Trial(1, 0, 0.56, 0.55, 0.57, 0.54, 0.55);  // mean 0.554
        var worse = Trial(3, 1, 0.40, 0.45, 0.50, 0.42, 0.44);

        var choice = OneStandardErrorRule.Choose([simpler, top, worse], Parts)!;

        Assert.Equal(1, choice.Trial.Number);
        Assert.Equal(2, choice.Top.Number);
        Assert.Equal(OneStandardErrorRule.StandardError(top.FoldScores), choice.StandardError, 12);
        Assert.Contains("within one standard error", choice.Reason);
    }

    [Fact]
    public void The_top_trial_stays_when_every_simpler_one_is_further_than_one_standard_error_below()
    {
        var top = Trial(1, 2, 0.60, 0.61, 0.59, 0.60, 0.60);     // SE ≈ 0.003
        var simpler = Trial(2, 0, 0.58, 0.59, 0.57, 0.58, 0.58);

        var choice = OneStandardErrorRule.Choose([top, simpler], Parts)!;

        Assert.Same(top, choice.Trial);
        Assert.Contains("no simpler trial", choice.Reason);
    }

    [Fact]
    public void A_standard_error_the_evaluation_gives_replaces_the_folds_spread()
    {
        // The folds agree closely (SE ≈ 0.003), but the score is not their mean and its own error is wider.
        var top = Trial(1, 2, 0.60, 0.61, 0.59, 0.60, 0.60) with { ScoreStandardError = 0.03 };
        var simpler = Trial(2, 0, 0.58, 0.59, 0.57, 0.58, 0.58);

        var choice = OneStandardErrorRule.Choose([top, simpler], Parts)!;

        Assert.Same(simpler, choice.Trial);
        Assert.Equal(0.03, choice.StandardError);
        Assert.Contains("within one standard error (0.0300)", choice.Reason);
        // The top trial's error decides, not the candidate's.
        var sure = top with { ScoreStandardError = 0.001 };
        Assert.Same(sure, OneStandardErrorRule.Choose([sure, simpler with { ScoreStandardError = 0.5 }], Parts)!.Trial);
    }

    [Fact]
    public void Among_equally_simple_candidates_the_higher_score_wins_and_failed_trials_never_count()
    {
        var top = Trial(1, 2, 0.70, 0.50, 0.65, 0.55, 0.60);
        var lower = Trial(2, 0, 0.58, 0.59, 0.57, 0.58, 0.59);
        var higher = Trial(3, 0, 0.59, 0.60, 0.58, 0.59, 0.59);
        var failed = new Trial(4, new Configuration([KeyValuePair.Create("parts", (object)0)]), double.NegativeInfinity, 0, [], new Dictionary<string, double>(), TimeSpan.Zero, "bad");

        Assert.Equal(3, OneStandardErrorRule.Choose([top, lower, higher, failed], Parts)!.Trial.Number);
        Assert.Null(OneStandardErrorRule.Choose([failed], Parts));
    }
}
