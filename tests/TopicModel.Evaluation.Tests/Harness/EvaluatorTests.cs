using TopicModel.Evaluation.Harness;
using TopicModel.ML.Metrics;

namespace TopicModel.Evaluation.Tests.Harness;

public sealed class EvaluatorTests
{
    private const double Tolerance = 1e-9;
    private readonly EvaluationResult _result = HandCase.Evaluate();

    [Fact]
    public void Overall_metrics_match_the_hand_computed_values()
    {
        var m = _result.Metrics;
        Assert.Equal(4, _result.PaperCount);
        Assert.Equal(0.5, m.MicroAccuracy, Tolerance);                    // p1, p3 right
        Assert.Equal((0.5 + 1 + 0) / 3, m.MacroAccuracy, Tolerance);     // recall of a, b, d; c has no support
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 0) / 3, m.MacroF1, Tolerance); // F1 a = 2/3, b = 2/3, d = 0
        Assert.Equal((2.0 / 3 * 2 + 2.0 / 3 * 1 + 0) / 4, m.WeightedF1, Tolerance);
        var logLoss = -(Math.Log(0.75) + Math.Log(0.125) + Math.Log(0.875) + Math.Log(0.25)) / 4;
        Assert.Equal(logLoss, m.LogLoss, Tolerance);
        var prior = -(0.5 * Math.Log(0.5) + 2 * 0.25 * Math.Log(0.25));  // label shares a .5, b .25, d .25
        Assert.Equal((prior - logLoss) / prior, m.LogLossReduction!.Value, Tolerance);
        Assert.Equal(0.75, m.Top2Accuracy, Tolerance);                    // p2's true topic ranks third
        Assert.Equal(1.0, m.Top3Accuracy!.Value, Tolerance);
        Assert.Equal(0.75, m.SecondaryHitRate!.Value, Tolerance);         // p2 hits its secondary topic c
    }

    [Fact]
    public void Per_topic_metrics_handle_a_topic_without_predictions_and_one_without_support()
    {
        var m = _result.Metrics;
        Assert.Equal([1.0, 0.5, 0.0, 0.0], m.PerClassPrecision);
        Assert.Equal([0.5, 1.0, null, 0.0], m.PerClassRecall);
        Assert.Equal([2, 1, 0, 1], m.PerClass.Select(c => c.Support));
        Assert.Equal(2.0 / 3, m.PerClass[0].F1!.Value, Tolerance);
        Assert.Null(m.PerClass[2].F1);
        Assert.Equal(0.0, m.PerClass[3].F1);
        Assert.Equal(["d"], m.ClassesWithoutPredictions);
        Assert.Equal(["c"], m.ClassesWithoutSupport);
    }

    [Fact]
    public void Confusion_matrix_and_calibration_match_the_hand_computed_values()
    {
        var cm = _result.Metrics.ConfusionMatrix;
        int[][] expected = [[1, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0], [0, 1, 0, 0]];
        Assert.Equal(expected, cm.Counts.Select(r => r.ToArray()));
        Assert.Equal([0.5, 0, 0.5, 0], cm.RowNormalized[0]);
        Assert.Null(cm.RowNormalized[2]);
        // Bins of width 0.1: .75 (right) in bin 7, .5 and .5 (both wrong) in bin 5, .875 (right) in bin 8.
        var c = _result.Metrics.Calibration;
        Assert.Equal((Math.Abs(1 - 0.75) + Math.Abs(0 - 1.0) + Math.Abs(1 - 0.875)) / 4, c.ExpectedCalibrationError, Tolerance);
        Assert.Equal(2, c.Bins[5].Count);
        Assert.Equal(0.0, c.Bins[5].Accuracy);
        Assert.Equal(0.5, c.Bins[5].MeanConfidence);
    }

    [Fact]
    public void Every_misclassified_paper_is_listed_with_true_and_predicted_topic_and_probabilities()
    {
        var errors = _result.Misclassified;
        Assert.Equal(2, errors.Count);
        Assert.Equal(("a", "c", 0.5, 0.125), (errors[0].TrueTopic, errors[0].PredictedTopic, errors[0].Probability, errors[0].TrueTopicProbability));
        Assert.Equal(("d", "b", 0.5, 0.25), (errors[1].TrueTopic, errors[1].PredictedTopic, errors[1].Probability, errors[1].TrueTopicProbability));
        Assert.Equal("Paper two about alpha", errors[0].Title);
    }

    [Fact]
    public void Reviewed_and_weak_label_counts_are_reported()
    {
        Assert.Equal(new LabelCounts(4, 0), _result.Labels);
        var weak = HandCase.Papers.Select((p, i) => i < 1 ? p with { Source = DataPrep.Labeling.LabelSource.Weak } : p).ToArray();
        var result = Evaluator.Evaluate("m", HandCase.Classifier, HandCase.Taxonomy, weak, [], EvaluationOptions.Default(7));
        Assert.Equal(new LabelCounts(3, 1), result.Labels);
        Assert.Equal("reviewed labels for 3 papers, weak labels for the other 1", result.Labels.Describe());
    }

    [Fact]
    public void Intervals_are_fixed_by_the_seed()
    {
        var options = EvaluationOptions.Default(seed: 7) with { Bootstrap = new BootstrapOptions { Seed = 7, Resamples = 500 } };
        var ci = HandCase.Evaluate(options).Intervals;
        var again = HandCase.Evaluate(options with { Bootstrap = options.Bootstrap with { MaxDegreeOfParallelism = 1 } }).Intervals;

        Assert.Equal(ci.MicroAccuracy, again.MicroAccuracy);
        Assert.Equal(ci.MacroF1, again.MacroF1);
        Assert.Equal(500, ci.Resamples);
        // Pinned: a change of resampling, quantile rule or metric definition shows up here.
        Assert.Equal(new ConfidenceInterval(0.5, 0.0, 1.0, 500), ci.MicroAccuracy);
        Assert.Equal((0.0, 1.0, 500), (ci.MacroF1.Lower!.Value, ci.MacroF1.Upper!.Value, ci.MacroF1.ResampleCount));
        Assert.Equal(0.21060673253815176, ci.LogLoss.Lower!.Value, 1e-12);
        Assert.Equal(1.6847189698120162, ci.LogLoss.Upper!.Value, 1e-12);
        Assert.Equal((0.25, 1.0), (ci.Top2Accuracy.Lower!.Value, ci.Top2Accuracy.Upper!.Value));
        // Topic a's F1 is defined only in the 468 resamples that drew p1 or p2.
        Assert.Equal((0.0, 1.0, 468), (ci.PerClass[0].F1.Lower!.Value, ci.PerClass[0].F1.Upper!.Value, ci.PerClass[0].F1.ResampleCount));
        Assert.Null(ci.PerClass[2].F1.Estimate);
    }

    [Fact]
    public void A_model_compared_with_itself_shows_no_difference()
    {
        var comparison = ModelComparer.Compare(_result, _result, new BootstrapOptions { Seed = 3, Resamples = 200 });
        Assert.Equal(0, comparison.Result.MacroF1.Difference);
        Assert.Equal(1.0, comparison.Result.McNemar.ExactPValue);
        Assert.StartsWith("no significant difference between hand-model and hand-model", comparison.Verdict);
    }
}
