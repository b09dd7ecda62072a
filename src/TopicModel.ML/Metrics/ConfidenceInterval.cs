namespace TopicModel.ML.Metrics;

/// <summary>
/// A metric on the full data with its bootstrap percentile interval. <see cref="ResampleCount"/> is how many
/// resamples defined the metric (a per-class metric skips resamples that miss its class). Null
/// <see cref="Estimate"/>: undefined on the full data; null bounds: no resample defined it.
/// </summary>
public sealed record ConfidenceInterval(double? Estimate, double? Lower, double? Upper, int ResampleCount);
