using TopicModel.Evaluation.Harness;
using TopicModel.ML.IO;

namespace TopicModel.Evaluation.Reports;

/// <summary>Writes an evaluation's report folder: metrics.json, report.md, report.html, each atomically.</summary>
public static class ReportWriter
{
    public static ReportFiles Write(string folder, EvaluationResult result, ModelComparison? comparison = null, IReadOnlyList<string>? dataFiles = null)
    {
        AtomicFile.CreateDirectory(folder);
        var files = new ReportFiles(folder);
        var json = MetricsJson.Build(result, comparison, dataFiles);
        AtomicFile.WriteAllText(files.MetricsJson, json.ToJsonString(Training.Json.Options) + "\n");
        AtomicFile.WriteAllText(files.Markdown, MarkdownReport.Render(result, comparison));
        AtomicFile.WriteAllText(files.Html, HtmlEvaluationReport.Build(result, comparison).Render());
        return files;
    }
}
