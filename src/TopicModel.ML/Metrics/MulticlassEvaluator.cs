namespace TopicModel.ML.Metrics;

/// <summary>Computes <see cref="MulticlassClassificationMetrics"/> from predictions; pure and deterministic.</summary>
public static class MulticlassEvaluator
{
    public static MulticlassClassificationMetrics Evaluate(MulticlassPredictions predictions, MulticlassEvaluatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        options ??= new MulticlassEvaluatorOptions();
        options.Validate();
        var counts = Count(predictions, options);
        var k = predictions.ClassCount;

        var perClass = new ClassMetrics[k];
        for (var c = 0; c < k; c++)
        {
            perClass[c] = new ClassMetrics(
                c,
                predictions.ClassNames[c],
                counts.Support(c),
                counts.PredictedCount(c),
                counts.TruePositives(c),
                counts.Precision(c),
                counts.Recall(c),
                counts.F1(c),
                counts.ClassLogLoss(c),
                HasNoPredictions: counts.PredictedCount(c) == 0,
                HasNoSupport: counts.Support(c) == 0);
        }

        var topK = new double[k];
        for (var i = 0; i < k; i++) topK[i] = counts.TopKAccuracy(i + 1);

        return new MulticlassClassificationMetrics(
            predictions.ExampleCount,
            k,
            counts.MicroAccuracy,
            counts.MacroAccuracy,
            counts.LogLoss,
            counts.PriorLogLoss,
            counts.LogLossReduction,
            topK,
            topK[1],
            k >= 3 ? topK[2] : null,
            counts.MacroF1,
            counts.WeightedF1,
            counts.SecondaryHitRate(predictions.HasSecondaryLabels),
            perClass.Select(m => m.Precision).ToArray(),
            perClass.Select(m => m.Recall).ToArray(),
            perClass.Select(m => m.LogLoss).ToArray(),
            perClass,
            ConfusionMatrix.From(counts, predictions.ClassNames),
            CalibrationMetrics.From(counts));
    }

    internal static MetricCounts Count(MulticlassPredictions predictions, MulticlassEvaluatorOptions options)
    {
        var counts = new MetricCounts(predictions.ClassCount, options.CalibrationBinCount);
        for (var i = 0; i < predictions.ExampleCount; i++) counts.Add(predictions, i);
        return counts;
    }
}
