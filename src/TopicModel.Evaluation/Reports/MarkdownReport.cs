using System.Globalization;
using System.Text;
using TopicModel.Evaluation.Harness;

namespace TopicModel.Evaluation.Reports;

/// <summary>report.md: the evaluation as tables a person reads in a terminal or on GitHub.</summary>
public static class MarkdownReport
{
    public static string Render(EvaluationResult r, ModelComparison? comparison = null)
    {
        var md = new StringBuilder();
        md.Append("# Evaluation of ").Append(Cell(r.ModelName)).Append("\n\n").Append(ReportText.Scope(r)).Append("\n\n");

        md.Append("## Overall metrics\n\n");
        Table(md, ["metric", "value [95% interval]"], ReportText.Summary(r).Select(x => new[] { x.Metric, x.Value }));

        md.Append("\n## Per topic\n\n");
        Table(md, ReportText.PerTopicHeader, ReportText.PerTopic(r));
        var noPredictions = r.Metrics.ClassesWithoutPredictions;
        var noSupport = r.Metrics.ClassesWithoutSupport;
        if (noPredictions.Count > 0) md.Append("\nNever predicted (precision reported as 0): ").Append(string.Join(", ", noPredictions)).Append('\n');
        if (noSupport.Count > 0) md.Append("\nNo evaluation papers (left out of the macro averages): ").Append(string.Join(", ", noSupport)).Append('\n');

        md.Append("\n## Confusion matrix (rows: true topic, columns: predicted)\n\n");
        var topics = r.Taxonomy.Ids;
        Table(md, ["true \\ predicted", .. topics], topics.Select((t, i) =>
            new[] { t }.Concat(r.Metrics.ConfusionMatrix.Counts[i].Select(v => v == 0 ? "." : v.ToString(CultureInfo.InvariantCulture))).ToArray()));

        md.Append("\n## Calibration\n\n").Append("Expected calibration error ").Append(ReportText.Interval(r.Intervals.ExpectedCalibrationError)).Append(".\n\n");
        Table(md, ["confidence", "papers", "mean confidence", "accuracy"], r.Metrics.Calibration.Bins.Where(b => b.Count > 0).Select(b => new[]
        {
            $"{ReportText.Number(b.LowerBound)}–{ReportText.Number(b.UpperBound)}", b.Count.ToString(CultureInfo.InvariantCulture),
            ReportText.Number(b.MeanConfidence), ReportText.Number(b.Accuracy),
        }));

        md.Append("\n## Label distribution\n\n");
        Table(md, ["topic", "training papers", "evaluation papers"], topics.Select((t, i) => new[]
        {
            t, r.TrainingLabelCounts[i].ToString(CultureInfo.InvariantCulture), r.EvaluationLabelCounts[i].ToString(CultureInfo.InvariantCulture),
        }));

        md.Append("\n## Leakage: evaluation papers also in the training data (").Append(r.Leakage.Count).Append(")\n\n");
        if (r.Leakage.Count == 0) md.Append("None.\n");
        else Table(md, ["id", "title", "match", "Jaccard"], r.Leakage.Papers.Select(l => new[]
        {
            l.Paper.Id, l.Paper.Title, l.Kind == Leakage.LeakageKind.SameTitle ? "same title" : $"near-duplicate of {l.TrainingId}", ReportText.Number(l.Jaccard),
        }));

        md.Append("\n## Misclassified papers (").Append(r.Misclassified.Count).Append(")\n\n");
        if (r.Misclassified.Count == 0) md.Append("None.\n");
        else Table(md, ["id", "title", "true", "predicted", "probability", "terms toward the prediction"], r.Misclassified.Select(e => new[]
        {
            e.Id, e.Title, e.TrueTopic + (e.LabelSource == DataPrep.Labeling.LabelSource.Weak ? " (weak)" : ""), e.PredictedTopic, ReportText.Number(e.Probability),
            string.Join(", ", e.Terms.Select(t => t.Term)),
        }));

        if (comparison is not null)
            md.Append("\n## Comparison with ").Append(Cell(comparison.BaselineName)).Append("\n\n").Append(Cell(comparison.Verdict)).Append('\n');
        return md.ToString();
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        md.Append("| ").AppendJoin(" | ", header.Select(Cell)).Append(" |\n|").AppendJoin("|", header.Select(_ => "---")).Append("|\n");
        foreach (var row in rows) md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
    }

    /// <summary>Table cells cannot hold pipes or line breaks.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|").ReplaceLineEndings(" ");
}
