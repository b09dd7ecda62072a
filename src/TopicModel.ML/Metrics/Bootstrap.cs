namespace TopicModel.ML.Metrics;

/// <summary>
/// The resampling loop shared by <see cref="MulticlassBootstrap"/> and <see cref="PairedComparison"/>:
/// draws B resamples of size N with replacement and stores each resample's metric vector. A resample is
/// handed over as a count per example (how often it was drawn) rather than a list of indices, so evaluators
/// sweep the examples in order instead of jumping around memory. A NaN in a vector means "undefined in this
/// resample" and is skipped when intervals are summarized.
/// </summary>
internal static class Bootstrap
{
    /// <summary>Evaluates one resample, given how many times each example was drawn, into <paramref name="metrics"/>.</summary>
    public delegate void ResampleEvaluator<in TState>(TState state, ReadOnlySpan<int> draws, Span<double> metrics);

    /// <summary>Returns the metric values laid out as [metric * B + resample].</summary>
    public static double[] Run<TState>(
        int exampleCount,
        int metricCount,
        BootstrapOptions options,
        Func<TState> createState,
        ResampleEvaluator<TState> evaluate)
    {
        var resamples = options.Resamples;
        var values = new double[checked(metricCount * resamples)];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount,
        };
        System.Threading.Tasks.Parallel.For(
            0,
            resamples,
            parallel,
            () => (State: createState(), Draws: new int[exampleCount], Metrics: new double[metricCount]),
            (b, _, worker) =>
            {
                var random = new SplitMix64(options.Seed, b);
                var draws = worker.Draws;
                Array.Clear(draws);
                for (var i = 0; i < draws.Length; i++) draws[random.Next(exampleCount)]++;
                evaluate(worker.State, draws, worker.Metrics);
                for (var m = 0; m < metricCount; m++) values[m * resamples + b] = worker.Metrics[m];
                return worker;
            },
            _ => { });
        return values;
    }

    /// <summary>The metric's resample values, NaNs dropped, sorted ascending.</summary>
    public static double[] SortedDefined(double[] values, int metric, int resamples)
    {
        var slice = values.AsSpan(metric * resamples, resamples);
        var defined = new List<double>(resamples);
        foreach (var v in slice)
            if (!double.IsNaN(v)) defined.Add(v);
        var sorted = defined.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Percentile interval of one metric around its full-data estimate.</summary>
    public static ConfidenceInterval Interval(double[] values, int metric, int resamples, double level, double? estimate)
    {
        var sorted = SortedDefined(values, metric, resamples);
        if (sorted.Length == 0) return new ConfidenceInterval(estimate, null, null, 0);
        var alpha = (1 - level) / 2;
        return new ConfidenceInterval(estimate, Quantile(sorted, alpha), Quantile(sorted, 1 - alpha), sorted.Length);
    }

    /// <summary>Linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default).</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
