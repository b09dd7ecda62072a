using System.Globalization;
using TopicModel.Evaluation.Harness;
using TopicModel.ML.Metrics;

namespace TopicModel.Evaluation.Reports;

/// <summary>The numbers and summary rows shared by the Markdown, HTML and console renderings.</summary>
public static class ReportText
{
    public static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    /// <summary>"0.812 [0.741, 0.876]": the estimate and its interval.</summary>
    public static string Interval(ConfidenceInterval? ci) =>
        ci is null ? "-" : ci.Lower is null ? Number(ci.Estimate) : $"{Number(ci.Estimate)} [{Number(ci.Lower)}, {Number(ci.Upper)}]";

    /// <summary>The overall metrics as (name, "estimate [lower, upper]") rows, ML.NET names first.</summary>
    public static IReadOnlyList<(string Metric, string Value)> Summary(EvaluationResult r)
    {
        var ci = r.Intervals;
        var rows = new List<(string, string)>
        {
            ("MicroAccuracy", Interval(ci.MicroAccuracy)),
            ("MacroAccuracy", Interval(ci.MacroAccuracy)),
            ("macro-F1", Interval(ci.MacroF1)),
            ("weighted-F1", Interval(ci.WeightedF1)),
            ("LogLoss", Interval(ci.LogLoss)),
            ("LogLossReduction", Interval(ci.LogLossReduction)),
            ("TopKAccuracy (k=2)", Interval(ci.Top2Accuracy)),
            ("TopKAccuracy (k=3)", Interval(ci.Top3Accuracy)),
        };
        if (ci.SecondaryHitRate is { } hit) rows.Add(("primary-or-secondary hit rate", Interval(hit)));
        if (r.MultiLabel is { } ml)
        {
            var sets = ml.Tuned ? $"topic sets, {ml.Metrics.MeanPredictedTopics:0.00} per paper" : "primary topic only";
            rows.Add(($"example-based precision ({sets})", Interval(ml.Metrics.Precision)));
            rows.Add(("example-based recall (primary + secondary)", Interval(ml.Metrics.Recall)));
            rows.Add(("example-based F1 (primary + secondary)", Interval(ml.Metrics.F1)));
        }
        rows.Add(("expected calibration error", Interval(ci.ExpectedCalibrationError)));
        return rows;
    }

    /// <summary>What was scored, against which labels, and what the leakage check left out.</summary>
    public static string Scope(EvaluationResult r)
    {
        var leak = r.Leakage;
        var leakage = leak.Count == 0
            ? "no evaluation paper occurs in the training data"
            : $"{leak.Count} papers also occur in the training data ({leak.SameTitle} same title, {leak.NearDuplicates} near-duplicates) and were {(leak.Excluded ? "excluded" : "kept in (--include-leaked)")}";
        return $"{r.PaperCount} papers scored against {r.Labels.Describe()}; {leakage}. " +
               $"Intervals: {r.Intervals.ConfidenceLevel * 100:0}% percentile bootstrap over papers, {r.Intervals.Resamples} resamples, seed {r.Intervals.Seed}.";
    }

    /// <summary>Per-topic rows: topic, support, predicted, precision, recall, F1 (each with its interval).</summary>
    public static IReadOnlyList<string[]> PerTopic(EvaluationResult r) =>
        r.Metrics.PerClass.Select(c => new[]
        {
            c.ClassName,
            c.Support.ToString(CultureInfo.InvariantCulture),
            c.PredictedCount.ToString(CultureInfo.InvariantCulture),
            Interval(r.Intervals.PerClass[c.ClassIndex].Precision),
            Interval(r.Intervals.PerClass[c.ClassIndex].Recall),
            Interval(r.Intervals.PerClass[c.ClassIndex].F1),
        }).ToArray();

    public static readonly string[] PerTopicHeader = ["topic", "support", "predicted", "precision", "recall", "F1"];
}
