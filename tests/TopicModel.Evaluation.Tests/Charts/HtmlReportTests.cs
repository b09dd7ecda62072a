using System.Text.RegularExpressions;
using TopicModel.Evaluation.Html;
using Plotly.NET;
using TopicModel.Evaluation.Charts;
using TopicModel.ML;
using TopicModel.TestSupport;

namespace TopicModel.Evaluation.Tests.Charts;

public sealed class HtmlReportTests : IDisposable
{
    private const string Hostile = "<img src=x onerror=alert(1)> & \"q\" 'a'";
    private const string Escaped = "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;";

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("topicmodel-html-");

    public void Dispose() => _temp.Delete(recursive: true);

    private static GenericChart TinyFigure(string title) => ReportCharts.GroupedBars(["a", "b"], [("s", [1, 2])], title);


    [Fact]
    public void Title_headings_paragraphs_captions_and_table_cells_are_escaped()
    {
        var html = new HtmlReport(Hostile)
            .AddSection(Hostile)
            .AddParagraph(Hostile)
            .AddTable([["Paper", Hostile], [Hostile, "1"]])
            .AddFigure(TinyFigure(Hostile), caption: Hostile)
            .Render();

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
        var html = new HtmlReport("r").AddTable([["Topic", "F1", "Papers"], ["agents", "0.815", "12"], ["code", "n/a", "1,024"]]).Render();

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

        var html = report.Render();

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
    public void The_page_inlines_plotly_js_from_the_plotly_net_package_once_and_loads_nothing_from_outside()
    {
        var html = new HtmlReport("r").AddFigure(TinyFigure("a")).AddFigure(TinyFigure("b")).Render();

        // Plotly.NET's embedded bundle starts with its version banner.
        Assert.Single(Regex.Matches(html, Regex.Escape($"plotly.js v{PlotlyJs.Version}")));
        Assert.True(PlotlyJs.InlineScript.Length > 1_000_000, $"plotly.js is only {PlotlyJs.InlineScript.Length} characters");
        Assert.DoesNotContain("</script", PlotlyJs.InlineScript, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("https://", html.Replace(PlotlyJs.InlineScript, "", StringComparison.Ordinal));
    }

    [Fact]
    public void Save_writes_the_rendered_page_without_a_byte_order_mark()
    {
        var report = new HtmlReport("r").AddParagraph("p").AddFigure(TinyFigure("a"));
        var path = Path.Combine(_temp.FullName, "out", "nested", "report.html");

        report.Save(path);

        Assert.Equal(report.Render(), File.ReadAllText(path));
        Assert.Equal("<!DOCTYPE"u8.ToArray(), File.ReadAllBytes(path)[..9]);
    }

    [Fact]
    public void Ci_install_script_has_no_npm_step()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "install.sh"));

        Assert.DoesNotContain("npm", script);
        Assert.DoesNotContain("node_modules", script);
    }
}
