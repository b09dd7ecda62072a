using System.Text.RegularExpressions;
using TopicModel.TestSupport;

namespace TopicModel.Cli.Tests;

/// <summary>
/// The pages the commands write for a real trained bundle, opened in headless Chromium with every network lookup
/// failing: every chart draws (plotly.js comes inlined from the Plotly.NET package, no node_modules, no CDN).
/// </summary>
[Collection(TrainedCliCollection.Name)]
public sealed class BrowserReportTests(InterruptionFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("browser").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertEveryChartRendered(string htmlPath, int expectedCharts)
    {
        var dom = HeadlessChromium.DumpDom(htmlPath);

        Assert.Contains("data-report-done=\"true\"", dom);
        Assert.Contains("data-report-errors=\"0\"", dom);
        Assert.Contains($"data-plots-rendered=\"{expectedCharts}\"", dom);
        var ids = Regex.Matches(dom, "<div id=\"([^\"]+)\" class=\"plot[ \"]").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(expectedCharts, ids.Length);
        foreach (var id in ids) Assert.Contains("class=\"main-svg\"", HeadlessChromium.FigureMarkup(dom, id));
        Assert.Equal(3, Regex.Count(dom, "<script[ >]"));
        Assert.DoesNotContain("<script src", dom);
    }

    [BrowserFact]
    public void Evaluate_report_of_a_trained_bundle_renders_all_four_charts_offline()
    {
        var reports = Path.Combine(_dir, "reports");
        var (code, _, err) = CliRunner.Run("evaluate", "--recipe", fixture.Recipe.RecipePath, "-m", fixture.Recipe.BundlePath, "--out", reports);
        Assert.True(code == ExitCodes.Ok, err);

        AssertEveryChartRendered(Path.Combine(reports, "report.html"), 4);
        HeadlessChromium.KeepWithScreenshot(Path.Combine(reports, "report.html"), "cli-evaluation-report");
    }

    [BrowserFact]
    public void Topics_page_of_a_trained_bundle_renders_a_chart_per_topic_and_the_digest_shares_offline()
    {
        var page = Path.Combine(_dir, "topics.html");
        var (code, stdout, err) = CliRunner.Run("topics", "-m", fixture.Recipe.BundlePath, "--html", page);
        Assert.True(code == ExitCodes.Ok, err);

        var topics = Regex.Count(File.ReadAllText(page), "<div id=\"topic-\\d+\" class=\"plot\">");
        Assert.True(topics >= 2, $"{topics} topic charts");
        var shares = File.ReadAllText(page).Contains("id=\"digest-shares\"", StringComparison.Ordinal) ? 1 : 0;
        AssertEveryChartRendered(page, topics + shares);
    }
}
