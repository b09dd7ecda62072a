using System.Text.RegularExpressions;
using TopicModel.Evaluation.Html;

namespace TopicModel.Evaluation.Tests.Plotly;

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
            var plotly = report.Save(htmlPath);
            Assert.True(plotly.IsInline, plotly.Description);

            var dom = HeadlessChromium.DumpDom(htmlPath);

            Assert.Contains("data-report-done=\"true\"", dom);
            Assert.Contains("data-report-errors=\"0\"", dom);
            Assert.Contains($"data-plots-rendered=\"{report.FigureIds.Count}\"", dom);
            foreach (var id in report.FigureIds)
            {
                var figure = FigureMarkup(dom, id);
                Assert.Contains("class=\"main-svg\"", figure);
            }
            // Each kind of trace drew its marks, not just empty axes.
            Assert.Equal(2 * SampleReport.Taxonomy.Topics.Count, Regex.Count(FigureMarkup(dom, "figure-1"), "class=\"point\""));
            Assert.Contains("class=\"hm\"", FigureMarkup(dom, "figure-2"));
            Assert.Contains("class=\"errorbar\"", FigureMarkup(dom, "figure-3"));
            Assert.Contains("class=\"js-line\"", FigureMarkup(dom, "figure-4"));
            Assert.Equal(12, Regex.Count(FigureMarkup(dom, "figure-5"), "class=\"point\""));
            // The hostile table cell stayed text: the only <script> elements are the report's own three.
            Assert.Equal(3, Regex.Count(dom, "<script[ >]"));

            // The page and its screenshot stay in the test output for a person to look at.
            var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "browser-report")).FullName;
            File.Copy(htmlPath, Path.Combine(artifacts, "report.html"), overwrite: true);
            var screenshot = Path.Combine(artifacts, "report.png");
            File.Delete(screenshot);
            HeadlessChromium.Screenshot(htmlPath, screenshot);
            var png = File.ReadAllBytes(screenshot);
            Assert.True(png.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), "screenshot is not a PNG");
            // A blank 1280x2000 page compresses to a few kilobytes; charts and text make it far larger.
            Assert.True(png.Length > 60_000, $"screenshot is only {png.Length} bytes: {screenshot}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The markup of one figure element of the rendered page, from its div to the figure's end.</summary>
    private static string FigureMarkup(string dom, string id)
    {
        var start = dom.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"figure div {id} is missing from the page");
        var end = dom.IndexOf("</figure>", start, StringComparison.Ordinal);
        return dom[start..end];
    }
}
