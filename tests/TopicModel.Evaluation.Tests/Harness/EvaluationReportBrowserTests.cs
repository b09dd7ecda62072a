using System.Text.RegularExpressions;
using TopicModel.Evaluation.Html;
using TopicModel.Evaluation.Reports;
using TopicModel.Evaluation.Tests.Plotly;

namespace TopicModel.Evaluation.Tests.Harness;

public sealed class EvaluationReportBrowserTests
{
    private static readonly string[] Figures = ["confusion", "per-topic-f1", "reliability", "label-distribution"];

    [BrowserFact]
    public void Every_chart_of_the_evaluation_report_renders_offline_in_headless_chromium_without_script_errors()
    {
        var folder = Directory.CreateTempSubdirectory("topicmodel-eval-browser-");
        try
        {
            var files = ReportWriter.Write(folder.FullName, HandCase.Evaluate(), null, ["hand.txt"], PlotlyJsLocator.Locate());
            Assert.True(files.Plotly!.IsInline, files.Plotly.Description);

            var dom = HeadlessChromium.DumpDom(files.Html);

            Assert.Contains("data-report-done=\"true\"", dom);
            Assert.Contains("data-report-errors=\"0\"", dom);
            Assert.Contains($"data-plots-rendered=\"{Figures.Length}\"", dom);
            foreach (var id in Figures) Assert.Contains("class=\"main-svg\"", FigureMarkup(dom, id));
            Assert.Contains("class=\"hm\"", FigureMarkup(dom, "confusion"));
            Assert.Contains("Topic A", FigureMarkup(dom, "confusion"));
            Assert.Contains("class=\"errorbar\"", FigureMarkup(dom, "per-topic-f1"));
            Assert.Contains("class=\"js-line\"", FigureMarkup(dom, "reliability"));
            Assert.Equal(2 * 4, Regex.Count(FigureMarkup(dom, "label-distribution"), "class=\"point\""));

            var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "browser-report")).FullName;
            File.Copy(files.Html, Path.Combine(artifacts, "evaluation-report.html"), overwrite: true);
            var screenshot = Path.Combine(artifacts, "evaluation-report.png");
            File.Delete(screenshot);
            HeadlessChromium.Screenshot(files.Html, screenshot);
            var png = File.ReadAllBytes(screenshot);
            Assert.True(png.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), "screenshot is not a PNG");
            Assert.True(png.Length > 60_000, $"screenshot is only {png.Length} bytes: {screenshot}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string FigureMarkup(string dom, string id)
    {
        var start = dom.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"figure div {id} is missing from the page");
        return dom[start..dom.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }
}
