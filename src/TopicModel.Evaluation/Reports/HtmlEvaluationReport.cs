using Plotly.NET;
using TopicModel.Evaluation.Charts;
using TopicModel.Evaluation.Harness;
using TopicModel.Evaluation.Html;

namespace TopicModel.Evaluation.Reports;

/// <summary>report.html: the summary tables and four Plotly.NET charts (confusion, per-topic F1, reliability, label distribution).</summary>
public static class HtmlEvaluationReport
{
    public static HtmlReport Build(EvaluationResult r, ModelComparison? comparison = null)
    {
        var names = r.Taxonomy.Topics.Select(t => t.Name).ToArray();
        var report = new HtmlReport($"Evaluation of {r.ModelName}")
            .AddParagraph(ReportText.Scope(r))
            .AddSection("Overall metrics")
            .AddTable([["metric", "value [95% interval]"], .. ReportText.Summary(r).Select(x => new[] { x.Metric, x.Value })]);
        if (comparison is not null) report = report.AddSection($"Comparison with {comparison.BaselineName}").AddParagraph(comparison.Verdict);

        report = report
            .AddSection("Confusion matrix")
            .AddFigure(ReportCharts.ConfusionHeatmap(names, ToArray(r.Metrics.ConfusionMatrix.Counts)), "Rows are true topics, columns predicted topics; color is the share of the row.", "confusion")
            .AddSection("Per topic")
            .AddFigure(PerTopicF1(r, names), "F1 per topic with its bootstrap interval; a topic without a bar is labeled at the axis: 0 for an F1 of 0, “no evaluation papers” when it had none.", "per-topic-f1")
            .AddTable([ReportText.PerTopicHeader, .. ReportText.PerTopic(r)])
            .AddSection("Calibration")
            .AddFigure(Reliability(r), "Accuracy against confidence per bin; points on the diagonal are calibrated.", "reliability")
            .AddSection("Label distribution")
            .AddFigure(ReportCharts.GroupedBars(names,
                [("training", Shares(r.TrainingLabelCounts)), ("evaluation", Shares(r.EvaluationLabelCounts))],
                "Share of papers per topic: training vs evaluation", ".0%"), null, "label-distribution")
            .AddSection($"Leakage ({r.Leakage.Count} papers)")
            .AddParagraph(r.Leakage.Count == 0 ? "No evaluation paper occurs in the training data." : ReportText.Scope(r));
        if (r.Leakage.Count > 0)
            report = report.AddTable([["id", "title", "match", "Jaccard"], .. r.Leakage.Papers.Select(l => new[] { l.Paper.Id, l.Paper.Title, l.Kind.ToString(), ReportText.Number(l.Jaccard) })]);
        report = report.AddSection($"Misclassified papers ({r.Misclassified.Count})");
        if (r.Misclassified.Count > 0)
            report = report.AddTable([["id", "title", "true", "predicted", "probability", "terms toward the prediction"],
                .. r.Misclassified.Select(e => new[] { e.Id, e.Title, e.TrueTopic, e.PredictedTopic, ReportText.Number(e.Probability), string.Join(", ", e.Terms.Select(t => t.Term)) })]);
        return report;
    }

    private static GenericChart PerTopicF1(EvaluationResult r, string[] names)
    {
        var f1 = r.Intervals.PerClass.Select(c => c.F1).ToArray();
        var values = f1.Select(c => c.Estimate ?? double.NaN).ToArray();
        // A percentile interval of a skewed statistic can miss its estimate; the bar then stops at the estimate.
        return ReportCharts.PerClassBars(names,
            values,
            f1.Select((c, i) => Math.Min(c.Lower ?? double.NaN, values[i])).ToArray(),
            f1.Select((c, i) => Math.Max(c.Upper ?? double.NaN, values[i])).ToArray(),
            "F1 per topic (95% bootstrap interval)", noValue: "no evaluation papers");
    }

    private static GenericChart Reliability(EvaluationResult r)
    {
        var bins = r.Metrics.Calibration.Bins;
        return ReportCharts.ReliabilityCurve(
            bins.Select(b => b.MeanConfidence ?? 0).ToArray(),
            bins.Select(b => b.Accuracy ?? 0).ToArray(),
            bins.Select(b => b.Count).ToArray());
    }

    private static double[] Shares(IReadOnlyList<int> counts)
    {
        var total = Math.Max(1, counts.Sum());
        return counts.Select(c => (double)c / total).ToArray();
    }

    private static long[,] ToArray(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        var n = counts.Count;
        var array = new long[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) array[i, j] = counts[i][j];
        return array;
    }
}
