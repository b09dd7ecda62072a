using Spectre.Console;
using TopicModel.Evaluation.Harness;
using TopicModel.Evaluation.Reports;

namespace TopicModel.Cli.Rendering;

/// <summary>What `evaluate` and `run` print: the overall metrics with intervals, what was scored, the verdict of a comparison.</summary>
public static class EvaluationSummary
{
    /// <param name="testSet">What the papers are, for the title: the held-out digests or the forward test set.</param>
    public static void Render(IAnsiConsole console, EvaluationResult result, ModelComparison? comparison, ReportFiles files, string testSet = "Held-out")
    {
        var table = new Table().Title($"{Markup.Escape(testSet)} metrics: {Markup.Escape(result.ModelName)}").AddColumns("metric", "value [[95% interval]]");
        foreach (var (metric, value) in ReportText.Summary(result)) table.AddRow(Markup.Escape(metric), Markup.Escape(value));
        console.Write(table);
        // Prose goes straight to the writer: Spectre would wrap it at the console width, mid-phrase.
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(ReportText.Scope(result));
        if (comparison is not null) writer.WriteLine($"Compared with {comparison.BaselineName}: {comparison.Verdict}");
        writer.WriteLine($"Report: {files.Html} (also report.md, metrics.json in {files.Folder})");
    }
}
