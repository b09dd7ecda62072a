namespace TopicModel.ML.Metrics;

/// <summary>
/// Is the candidate really better than the baseline on these examples? Paired bootstrap: every resample
/// draws the same examples for both models, so the interval reflects the difference, not each model's
/// own noise. The p-value follows the shifted-null recipe (Efron &amp; Tibshirani 1993, §16.4; Berg-Kirkpatrick
/// et al. 2012): centre the resampled differences δ*_b on 0 and count how often they are at least as far from 0
/// as the observed δ: p = (1 + #{|δ*_b − δ| ≥ |δ|}) / (B + 1). McNemar's test is reported beside it.
/// </summary>
public static class PairedComparison
{
    private const int MicroAccuracy = 0;
    private const int MacroF1 = 1;

    public static PairedComparisonResult Compare(
        MulticlassPredictions baseline,
        MulticlassPredictions candidate,
        BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        options ??= new BootstrapOptions();
        options.Validate();
        RequireSameExamples(baseline, candidate);

        var k = baseline.ClassCount;
        var values = Bootstrap.Run(
            baseline.ExampleCount,
            2,
            options,
            () => (Baseline: new MetricCounts(k, 1), Candidate: new MetricCounts(k, 1)),
            (counts, draws, metrics) =>
            {
                counts.Baseline.Clear();
                counts.Candidate.Clear();
                for (var i = 0; i < draws.Length; i++)
                {
                    if (draws[i] == 0) continue;
                    counts.Baseline.Add(baseline, i, draws[i]);
                    counts.Candidate.Add(candidate, i, draws[i]);
                }
                metrics[MicroAccuracy] = counts.Candidate.MicroAccuracy - counts.Baseline.MicroAccuracy;
                metrics[MacroF1] = counts.Candidate.MacroF1 - counts.Baseline.MacroF1;
            });

        var fullBaseline = MulticlassEvaluator.Count(baseline, new MulticlassEvaluatorOptions { CalibrationBinCount = 1 });
        var fullCandidate = MulticlassEvaluator.Count(candidate, new MulticlassEvaluatorOptions { CalibrationBinCount = 1 });

        var n = baseline.ExampleCount;
        var baselineCorrect = new bool[n];
        var candidateCorrect = new bool[n];
        for (var i = 0; i < n; i++)
        {
            baselineCorrect[i] = baseline.IsCorrect(i);
            candidateCorrect[i] = candidate.IsCorrect(i);
        }

        return new PairedComparisonResult(
            n,
            options.Resamples,
            options.ConfidenceLevel,
            options.Seed,
            Difference(values, MicroAccuracy, options, fullBaseline.MicroAccuracy, fullCandidate.MicroAccuracy),
            Difference(values, MacroF1, options, fullBaseline.MacroF1, fullCandidate.MacroF1),
            McNemarTest.FromOutcomes(baselineCorrect, candidateCorrect));
    }

    private static MetricDifference Difference(double[] values, int metric, BootstrapOptions options, double baseline, double candidate)
    {
        var observed = candidate - baseline;
        var sorted = Bootstrap.SortedDefined(values, metric, options.Resamples);
        var alpha = (1 - options.ConfidenceLevel) / 2;
        // Differences of identical sums can differ in the last bit; a tolerance keeps "as extreme" honest.
        var threshold = Math.Abs(observed) - 1e-12;
        var extreme = 0;
        foreach (var d in sorted)
            if (Math.Abs(d - observed) >= threshold) extreme++;
        return new MetricDifference(
            baseline,
            candidate,
            observed,
            Bootstrap.Quantile(sorted, alpha),
            Bootstrap.Quantile(sorted, 1 - alpha),
            (1.0 + extreme) / (sorted.Length + 1));
    }

    private static void RequireSameExamples(MulticlassPredictions baseline, MulticlassPredictions candidate)
    {
        if (!baseline.ClassNames.SequenceEqual(candidate.ClassNames, StringComparer.Ordinal))
            throw new TopicModelException("The two models must be compared over the same classes in the same order.");
        if (baseline.ExampleCount != candidate.ExampleCount)
            throw new TopicModelException(
                $"The two models must be compared on the same examples: got {baseline.ExampleCount} and {candidate.ExampleCount} predictions.");
        for (var i = 0; i < baseline.ExampleCount; i++)
        {
            if (baseline.LabelArray[i] != candidate.LabelArray[i])
                throw new TopicModelException(
                    $"example {i + 1}: the true class differs between the two prediction sets ({baseline.ClassNames[baseline.LabelArray[i]]} vs {candidate.ClassNames[candidate.LabelArray[i]]}); compare models on the same examples in the same order.");
        }
    }
}
