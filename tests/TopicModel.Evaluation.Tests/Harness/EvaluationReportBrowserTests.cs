using TopicModel.TestSupport;
using System.Text.RegularExpressions;
using TopicModel.Evaluation.Html;
using TopicModel.Evaluation.Reports;
using TopicModel.Evaluation.Tests.Charts;

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
            var files = ReportWriter.Write(folder.FullName, HandCase.Evaluate(), null, ["hand.txt"]);

            var dom = HeadlessChromium.DumpDom(files.Html);

            Assert.Contains("data-report-done=\"true\"", dom);
            Assert.Contains("data-report-errors=\"0\"", dom);
            Assert.Contains($"data-plots-rendered=\"{Figures.Length}\"", dom);
            foreach (var id in Figures) Assert.Contains("class=\"main-svg\"", HeadlessChromium.FigureMarkup(dom, id));
            Assert.Contains("class=\"hm\"", HeadlessChromium.FigureMarkup(dom, "confusion"));
            Assert.Contains("Topic A", HeadlessChromium.FigureMarkup(dom, "confusion"));
            var f1 = HeadlessChromium.FigureMarkup(dom, "per-topic-f1");
            Assert.Contains("class=\"errorbar\"", f1);
            // Topic C has no evaluation paper and Topic D an F1 of 0: neither has a bar, each is labeled what it is.
            Assert.Equal(2, Regex.Count(f1, "class=\"annotation\""));
            Assert.Contains(">no evaluation papers<", f1);
            Assert.Contains(">0<", f1);
            Assert.Contains("class=\"js-line\"", HeadlessChromium.FigureMarkup(dom, "reliability"));
            Assert.Equal(2 * 4, Regex.Count(HeadlessChromium.FigureMarkup(dom, "label-distribution"), "class=\"point\""));

            HeadlessChromium.KeepWithScreenshot(files.Html, "evaluation-report");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
