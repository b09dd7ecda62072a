using System.Text.RegularExpressions;
using TopicModel.Evaluation.Html;
using TopicModel.Evaluation.Plotly;
using TopicModel.ML;
using TopicModel.TestSupport;

namespace TopicModel.Evaluation.Tests.Plotly;

public sealed class HtmlReportTests : IDisposable
{
    private const string Hostile = "<img src=x onerror=alert(1)> & \"q\" 'a'";
    private const string Escaped = "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;";

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("topicmodel-html-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static Figure TinyFigure(string title) => Charts.GroupedBars(["a", "b"], [("s", [1, 2])], title);

    /// <summary>A fake plotly.min.js in a node_modules folder below the temp folder, found by walking up.</summary>
    private string FakePlotly(string content)
    {
        var package = Directory.CreateDirectory(Path.Combine(_temp.FullName, "repo", "node_modules", "plotly.js-dist-min"));
        var path = Path.Combine(package.FullName, "plotly.min.js");
        File.WriteAllText(path, content);
        return path;
    }

    private PlotlyJsSource Cdn() => PlotlyJsLocator.Locate([Directory.CreateDirectory(Path.Combine(_temp.FullName, "empty")).FullName]);

    [Fact]
    public void Title_headings_paragraphs_captions_and_table_cells_are_escaped()
    {
        var html = new HtmlReport(Hostile)
            .AddSection(Hostile)
            .AddParagraph(Hostile)
            .AddTable([["Paper", Hostile], [Hostile, "1"]])
            .AddFigure(TinyFigure(Hostile), caption: Hostile)
            .Render(Cdn());

        Assert.DoesNotContain("<img", html);
        Assert.Contains($"<title>{Escaped}</title>", html);
        Assert.Contains($"<h1>{Escaped}</h1>", html);
        Assert.Contains($"<h2>{Escaped}</h2>", html);
        Assert.Contains($"<p>{Escaped}</p>", html);
        Assert.Contains($"<th>{Escaped}</th>", html);
        Assert.Contains($"<td>{Escaped}</td>", html);
        Assert.Contains($"<figcaption>{Escaped}</figcaption>", html);
    }

    [Fact]
    public void Tables_have_a_header_row_and_right_aligned_numbers()
    {
        var html = new HtmlReport("r").AddTable([["Topic", "F1", "Papers"], ["agents", "0.815", "12"], ["code", "n/a", "1,024"]]).Render(Cdn());

        Assert.Contains("<thead><tr><th>Topic</th><th>F1</th><th>Papers</th></tr></thead>", html);
        Assert.Contains("<tr><td>agents</td><td class=\"num\">0.815</td><td class=\"num\">12</td></tr>", html);
        Assert.Contains("<tr><td>code</td><td>n/a</td><td class=\"num\">1,024</td></tr>", html);
    }

    [Fact]
    public void Ragged_or_empty_tables_are_rejected_with_the_row_number()
    {
        var report = new HtmlReport("r");

        var error = Assert.Throws<TopicModelException>(() => report.AddTable([["a", "b"], ["1", "2"], ["3"]]));
        Assert.Contains("row 2", error.Message);
        Assert.Throws<TopicModelException>(() => report.AddTable([]));
        Assert.Throws<TopicModelException>(() => new HtmlReport(" "));
    }

    [Fact]
    public void Figures_get_stable_ids_in_their_own_divs_and_sections_wrap_their_content()
    {
        var report = new HtmlReport("r")
            .AddSection("One").AddFigure(TinyFigure("a")).AddFigure(TinyFigure("b"), id: "label-distribution")
            .AddSection("Two").AddFigure(TinyFigure("c"));

        var html = report.Render(Cdn());

        Assert.Equal(["figure-1", "label-distribution", "figure-3"], report.FigureIds);
        foreach (var id in report.FigureIds)
        {
            Assert.Single(Regex.Matches(html, $"<div id=\"{id}\" class=\"plot\"></div>"));
            Assert.Contains($"{{\"id\":\"{id}\",\"figure\":", html);
        }
        Assert.Equal(2, Regex.Count(html, "<section>"));
        Assert.Equal(2, Regex.Count(html, "</section>"));
        Assert.True(html.IndexOf("<h2>Two</h2>", StringComparison.Ordinal) < html.IndexOf("id=\"figure-3\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_or_duplicate_figure_ids_are_rejected()
    {
        var report = new HtmlReport("r").AddFigure(TinyFigure("a"));

        Assert.Throws<TopicModelException>(() => report.AddFigure(TinyFigure("b"), id: "figure-1"));
        Assert.Throws<TopicModelException>(() => report.AddFigure(TinyFigure("b"), id: "1st"));
        Assert.Throws<TopicModelException>(() => report.AddFigure(TinyFigure("b"), id: "a\" onload=\"x"));
    }

    [Fact]
    public void Adding_content_leaves_the_original_report_unchanged()
    {
        var empty = new HtmlReport("r");
        var withFigure = empty.AddFigure(TinyFigure("a"));

        Assert.Empty(empty.FigureIds);
        Assert.Single(withFigure.FigureIds);
    }

    [Fact]
    public void Locator_walks_up_to_node_modules_and_the_page_inlines_plotly_without_external_scripts()
    {
        var script = FakePlotly("window.Plotly = {}; var tag = \"</script>\";");
        var deep = Directory.CreateDirectory(Path.Combine(_temp.FullName, "repo", "src", "bin", "Debug"));

        var plotly = PlotlyJsLocator.Locate([deep.FullName]);
        var html = new HtmlReport("r").AddFigure(TinyFigure("a")).Render(plotly);

        Assert.True(plotly.IsInline);
        Assert.Equal(Path.GetFullPath(script), plotly.LocalPath);
        Assert.Contains("offline", plotly.Description);
        Assert.Contains("window.Plotly = {}; var tag = \"<\\/script>\";", html);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("plotly-cdn-notice", html);
    }

    [Fact]
    public void Without_a_local_plotly_the_page_loads_it_from_the_cdn_and_says_so()
    {
        var plotly = Cdn();
        var html = new HtmlReport("r").AddFigure(TinyFigure("a")).Render(plotly);

        Assert.False(plotly.IsInline);
        Assert.Null(plotly.LocalPath);
        Assert.Contains(PlotlyJsSource.CdnUrl, plotly.Description);
        Assert.Contains(Path.Combine(_temp.FullName, "empty"), plotly.Description);
        Assert.Contains($"<script src=\"{PlotlyJsSource.CdnUrl}\" charset=\"utf-8\"></script>", html);
        Assert.Contains("id=\"plotly-cdn-notice\"", html);
        Assert.Contains("need internet access", html);
    }

    [Fact]
    public void Save_writes_the_rendered_page_and_returns_the_plotly_source()
    {
        FakePlotly("window.Plotly = {};");
        var plotly = PlotlyJsLocator.Locate([Path.Combine(_temp.FullName, "repo")]);
        var report = new HtmlReport("r").AddParagraph("p").AddFigure(TinyFigure("a"));
        var path = Path.Combine(_temp.FullName, "out", "nested", "report.html");

        var used = report.Save(path, plotly);

        Assert.Same(plotly, used);
        Assert.Equal(report.Render(plotly), File.ReadAllText(path));
        // No byte-order mark: the file starts with the doctype.
        Assert.Equal("<!DOCTYPE"u8.ToArray(), File.ReadAllBytes(path)[..9]);
    }

    [Fact]
    public void Ci_install_script_pins_the_plotly_version_the_cdn_fallback_uses()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "install.sh"));

        Assert.Contains($"plotly_version=\"{PlotlyJsSource.PinnedVersion}\"", script);
        Assert.Contains("plotly.js-dist-min@${plotly_version}", script);
        Assert.Contains($"@{PlotlyJsSource.PinnedVersion}/", PlotlyJsSource.CdnUrl);
    }
}
