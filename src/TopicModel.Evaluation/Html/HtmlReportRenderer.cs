using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using TopicModel.Evaluation.Charts;

namespace TopicModel.Evaluation.Html;

/// <summary>Turns report blocks into one HTML page: plotly.js inlined once, then one script that draws every chart.</summary>
internal static partial class HtmlReportRenderer
{
    public static string Render(string title, IReadOnlyList<ReportBlock> blocks, string errorListId)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("</style>\n</head>\n")
            .Append("<body data-report-errors=\"0\" data-plots-rendered=\"0\">\n<main>\n")
            .Append("<h1>").Append(Escape(title)).Append("</h1>\n");

        var figures = new List<ReportBlock.Chart>();
        var inSection = false;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ReportBlock.Section section:
                    if (inSection) html.Append("</section>\n");
                    html.Append("<section>\n<h2>").Append(Escape(section.Heading)).Append("</h2>\n");
                    inSection = true;
                    break;
                case ReportBlock.Paragraph paragraph:
                    html.Append("<p>").Append(Escape(paragraph.Text)).Append("</p>\n");
                    break;
                case ReportBlock.Table table:
                    AppendTable(html, table.Rows);
                    break;
                case ReportBlock.Chart chart:
                    figures.Add(chart);
                    html.Append("<figure class=\"chart\">\n<div id=\"").Append(chart.Id).Append("\" class=\"plot\"></div>\n");
                    if (chart.Caption is not null) html.Append("<figcaption>").Append(Escape(chart.Caption)).Append("</figcaption>\n");
                    html.Append("</figure>\n");
                    break;
                default:
                    throw new InvalidOperationException($"unknown report block {block.GetType().Name}");
            }
        }
        if (inSection) html.Append("</section>\n");
        html.Append("<pre id=\"").Append(errorListId).Append("\" class=\"errors\" hidden></pre>\n</main>\n");

        html.Append("<script>\n").Append(ErrorTrapScript.Replace("__ERRORS_ID__", errorListId, StringComparison.Ordinal)).Append("</script>\n");
        // plotly.js once per page, however many charts it has.
        html.Append("<script>\n").Append(PlotlyJs.InlineScript).Append("\n</script>\n");
        html.Append("<script>\n(function () {\n\"use strict\";\nvar figures = [\n");
        for (var i = 0; i < figures.Count; i++)
        {
            // Figure JSON escapes '<', '>' and '&', so it cannot close this script element.
            html.Append("{\"id\":\"").Append(figures[i].Id).Append("\",\"figure\":").Append(ReportCharts.ToJson(figures[i].Figure)).Append('}')
                .Append(i + 1 < figures.Count ? ",\n" : "\n");
        }
        html.Append("];\n").Append(DrawScript).Append("})();\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var cell in rows[0]) html.Append("<th>").Append(Escape(cell)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        for (var r = 1; r < rows.Count; r++)
        {
            html.Append("<tr>");
            foreach (var cell in rows[r])
            {
                // Numbers right-aligned so digits line up down a column.
                html.Append(IsNumber(cell) ? "<td class=\"num\">" : "<td>").Append(Escape(cell)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static bool IsNumber(string cell) => NumberPattern().IsMatch(cell.Trim());

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"^[-+]?(\d+([.,]\d+)*|\d*\.\d+)([eE][-+]?\d+)?%?$")]
    private static partial Regex NumberPattern();

    private const string Css = """
        body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #222; margin: 0; background: #fafafa; }
        main { max-width: 1150px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
        h1 { font-size: 1.8em; margin: 0.2em 0 0.6em; }
        h2 { font-size: 1.35em; margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
        p { line-height: 1.5; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
        th, td { border: 1px solid #ccc; padding: 4px 10px; text-align: left; vertical-align: top; }
        th { background: #f0f3f7; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) { background: #f8f9fb; }
        figure.chart { margin: 1.2em 0; }
        figure.chart .plot { width: 100%; min-height: 300px; }
        figcaption { color: #555; font-size: 0.9em; margin-top: 0.3em; }
        .errors { background: #fdecea; border: 1px solid #e57373; padding: 8px 12px; white-space: pre-wrap; }

        """;

    // Runs before plotly.js loads, so a failure to load or run it is counted too. The count is mirrored into
    // <body data-report-errors> where a headless browser's DOM dump (and a reader) can see it.
    private const string ErrorTrapScript = """
        window.__reportErrors = [];
        window.__reportFail = function (message) {
          window.__reportErrors.push(String(message));
          document.body.setAttribute("data-report-errors", String(window.__reportErrors.length));
          var list = document.getElementById("__ERRORS_ID__");
          list.hidden = false;
          list.textContent = "Chart errors:\n" + window.__reportErrors.join("\n");
        };
        window.addEventListener("error", function (e) { window.__reportFail(e.message || "script error"); });
        window.addEventListener("unhandledrejection", function (e) { window.__reportFail("unhandled rejection: " + e.reason); });

        """;

    private const string DrawScript = """
        var body = document.body;
        if (typeof window.Plotly === "undefined") {
          window.__reportFail("plotly.js did not load, so no chart can be drawn");
          return;
        }
        var rendered = 0;
        var config = { responsive: true, displaylogo: false };
        function fail(id, error) { window.__reportFail(id + ": " + (error && error.message ? error.message : String(error))); }
        Promise.all(figures.map(function (f) {
          try {
            return Promise.resolve(Plotly.newPlot(f.id, f.figure.data, f.figure.layout, config))
              .then(function () { rendered++; }, function (e) { fail(f.id, e); });
          } catch (e) {
            fail(f.id, e);
            return Promise.resolve();
          }
        })).then(function () {
          body.setAttribute("data-plots-rendered", String(rendered));
          body.setAttribute("data-report-done", "true");
        });

        """;
}
