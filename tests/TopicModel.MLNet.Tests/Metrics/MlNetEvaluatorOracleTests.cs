using Microsoft.ML;
using TopicModel.ML.Metrics;

namespace TopicModel.MLNet.Tests.Metrics;

/// <summary>
/// ML.NET's own evaluator as the oracle for ours: the same real predictions go through
/// <c>mlContext.MulticlassClassification.Evaluate</c> and <see cref="MulticlassEvaluator"/>, and every metric both
/// define must agree to 1e-6.
/// </summary>
public sealed class MlNetEvaluatorOracleTests
{
    private const double Tolerance = 1e-6;

    private static (MulticlassClassificationMetrics Ours, Microsoft.ML.Data.MulticlassClassificationMetrics MlNet) Both(RealPredictions.Set set, int topK = 3)
    {
        var ours = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(set.Labels, set.Probabilities, set.Topics));
        var mlContext = new MLContext(seed: 1);
        var view = ScoredRows.ToDataView(mlContext, set.Labels, set.Probabilities, set.Topics);
        var mlNet = mlContext.MulticlassClassification.Evaluate(view, topKPredictionCount: topK);
        return (ours, mlNet);
    }

    [Theory]
    [MemberData(nameof(RealPredictions.Names), MemberType = typeof(RealPredictions))]
    public void Accuracy_and_log_loss_agree_with_ml_net(string predictions)
    {
        var set = RealPredictions.Get(predictions);
        var (ours, mlNet) = Both(set);

        Assert.True(set.Labels.Length > 50, $"only {set.Labels.Length} held-out papers");
        Assert.Equal(mlNet.MicroAccuracy, ours.MicroAccuracy, Tolerance);
        Assert.Equal(mlNet.MacroAccuracy, ours.MacroAccuracy, Tolerance);
        Assert.Equal(mlNet.LogLoss, ours.LogLoss, Tolerance);
        Assert.Equal(mlNet.LogLossReduction, ours.LogLossReduction!.Value, Tolerance);
    }

    [Theory]
    [MemberData(nameof(RealPredictions.Names), MemberType = typeof(RealPredictions))]
    public void Top_k_accuracy_agrees_with_ml_net_for_every_k(string predictions)
    {
        var set = RealPredictions.Get(predictions);
        var (ours, mlNet) = Both(set, topK: set.Topics.Count);
        var (_, top3) = Both(set, topK: 3);

        Assert.Equal(top3.TopKAccuracy, ours.Top3Accuracy!.Value, Tolerance);
        Assert.Equal(mlNet.TopKAccuracyForAllK.Count, ours.TopKAccuracyForAllK.Count);
        for (var k = 0; k < ours.TopKAccuracyForAllK.Count; k++)
            Assert.Equal(mlNet.TopKAccuracyForAllK[k], ours.TopKAccuracyForAllK[k], Tolerance);
    }

    [Theory]
    [MemberData(nameof(RealPredictions.Names), MemberType = typeof(RealPredictions))]
    public void Per_class_precision_recall_and_log_loss_agree_with_ml_net(string predictions)
    {
        var (ours, mlNet) = Both(RealPredictions.Get(predictions));
        var precision = mlNet.ConfusionMatrix.PerClassPrecision;
        var recall = mlNet.ConfusionMatrix.PerClassRecall;

        Assert.Equal(precision.Count, ours.PerClass.Count);
        for (var c = 0; c < ours.PerClass.Count; c++)
        {
            var name = ours.PerClass[c].ClassName;
            Assert.True(Math.Abs(precision[c] - ours.PerClassPrecision[c]) <= Tolerance, $"{name}: precision {ours.PerClassPrecision[c]} vs ML.NET {precision[c]}");
            // ML.NET reports 0 recall and 0 log-loss for a class with no support; ours says undefined (null).
            Assert.True(Math.Abs(recall[c] - (ours.PerClassRecall[c] ?? 0)) <= Tolerance, $"{name}: recall {ours.PerClassRecall[c]} vs ML.NET {recall[c]}");
            Assert.True(Math.Abs(mlNet.PerClassLogLoss[c] - (ours.PerClassLogLoss[c] ?? 0)) <= Tolerance, $"{name}: log-loss {ours.PerClassLogLoss[c]} vs ML.NET {mlNet.PerClassLogLoss[c]}");
        }
    }

    [Theory]
    [MemberData(nameof(RealPredictions.Names), MemberType = typeof(RealPredictions))]
    public void Confusion_matrix_counts_agree_with_ml_net(string predictions)
    {
        var (ours, mlNet) = Both(RealPredictions.Get(predictions));
        var counts = mlNet.ConfusionMatrix.Counts;

        Assert.Equal(counts.Count, ours.ConfusionMatrix.ClassCount);
        for (var t = 0; t < counts.Count; t++)
        {
            for (var p = 0; p < counts.Count; p++)
                Assert.True(counts[t][p] == ours.ConfusionMatrix.Count(t, p), $"[{set(t)}, {set(p)}]: {ours.ConfusionMatrix.Count(t, p)} vs ML.NET {counts[t][p]}");
        }

        string set(int c) => ours.ConfusionMatrix.ClassNames[c];
    }

    [Fact]
    public void The_real_predictions_include_ties_topics_never_predicted_and_a_topic_without_support()
    {
        var all = RealPredictions.SetNames.Select(RealPredictions.Get).ToArray();
        var metrics = all.Select(s => MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(s.Labels, s.Probabilities, s.Topics))).ToArray();

        // Ties: the true topic tied with another in the same row (top-k ranks them by class index).
        Assert.Contains(all, s => s.Labels.Select((y, i) => s.Probabilities[i].Count(p => p == s.Probabilities[i][y]) > 1).Any(t => t));
        Assert.Contains(metrics, m => m.ClassesWithoutPredictions.Count > 0);
        Assert.Contains(metrics, m => m.ClassesWithoutSupport.Count > 0 && m.PerClass.Any(c => c.HasNoSupport && !c.HasNoPredictions));
    }
}
