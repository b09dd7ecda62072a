using TopicModel.ML.Metrics;

namespace TopicModel.ML.MultiLabel;

/// <summary><see cref="ExampleBasedMetrics"/> with percentile bootstrap intervals over papers (the same resampling as the single-label metrics).</summary>
public sealed record ExampleBasedIntervals(ConfidenceInterval Precision, ConfidenceInterval Recall, ConfidenceInterval F1, ConfidenceInterval HitRate, double MeanPredictedTopics)
{
    public static ExampleBasedIntervals Compute(IReadOnlyList<int[]> predicted, IReadOnlyList<IReadOnlyCollection<int>> truth, BootstrapOptions options)
    {
        options.Validate();
        var full = ExampleBasedMetrics.Compute(predicted, truth);
        var values = Bootstrap.Run(predicted.Count, 4, options, () => 0, (_, draws, metrics) =>
        {
            var m = ExampleBasedMetrics.Compute(predicted, truth, draws);
            metrics[0] = m.Precision;
            metrics[1] = m.Recall;
            metrics[2] = m.F1;
            metrics[3] = m.HitRate;
        });
        ConfidenceInterval At(int metric, double estimate) => Bootstrap.Interval(values, metric, options.Resamples, options.ConfidenceLevel, estimate);
        return new ExampleBasedIntervals(At(0, full.Precision), At(1, full.Recall), At(2, full.F1), At(3, full.HitRate), full.MeanPredictedTopics);
    }
}
