namespace TopicModel.Evaluation.Reports;

/// <summary>Where a report folder's files are.</summary>
public sealed record ReportFiles(string Folder)
{
    public string MetricsJson => Path.Combine(Folder, "metrics.json");
    public string Markdown => Path.Combine(Folder, "report.md");
    public string Html => Path.Combine(Folder, "report.html");
}
