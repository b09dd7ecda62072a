using TopicModel.TestSupport;
using System.Text.RegularExpressions;
using TopicModel.Evaluation.Html;

namespace TopicModel.Evaluation.Tests.Charts;

public sealed class BrowserReportTests
{
    [BrowserFact]
    public void Every_figure_of_the_sample_report_renders_offline_in_headless_chromium_without_script_errors()
    {
        var folder = Directory.CreateTempSubdirectory("topicmodel-report-");
        try
        {
            var report = SampleReport.Build();
            var htmlPath = Path.Combine(folder.FullName, "report.html");
            report.Save(htmlPath);

            var dom = HeadlessChromium.DumpDom(htmlPath);

            Assert.Contains("data-report-done=\"true\"", dom);
            Assert.Contains("data-report-errors=\"0\"", dom);
            Assert.Contains($"data-plots-rendered=\"{report.FigureIds.Count}\"", dom);
            foreach (var id in report.FigureIds)
            {
                var figure = HeadlessChromium.FigureMarkup(dom, id);
                Assert.Contains("class=\"main-svg\"", figure);
            }
            // Each kind of trace drew its marks, not just empty axes.
            Assert.Equal(2 * SampleReport.Taxonomy.Topics.Count, Regex.Count(HeadlessChromium.FigureMarkup(dom, "figure-1"), "class=\"point\""));
            Assert.Contains("class=\"hm\"", HeadlessChromium.FigureMarkup(dom, "figure-2"));
            Assert.Contains("class=\"errorbar\"", HeadlessChromium.FigureMarkup(dom, "figure-3"));
            Assert.Contains("class=\"js-line\"", HeadlessChromium.FigureMarkup(dom, "figure-4"));
            Assert.Equal(12, Regex.Count(HeadlessChromium.FigureMarkup(dom, "figure-5"), "class=\"point\""));
            // The hostile table cell stayed text: the only <script> elements are the report's own three.
            Assert.Equal(3, Regex.Count(dom, "<script[ >]"));

            HeadlessChromium.KeepWithScreenshot(htmlPath, "report");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
