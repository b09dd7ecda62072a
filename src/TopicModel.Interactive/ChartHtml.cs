using System.Text;
using Plotly.NET;
using TopicModel.Evaluation.Charts;
using TopicModel.Evaluation.Html;

namespace TopicModel.Interactive;

/// <summary>
/// A Plotly.NET chart as a notebook output: a div and a script that draws the figure into it. The first chart of a
/// notebook also carries plotly.js (the copy inside Plotly.NET, ~3.6 MB, once per notebook), so the executed notebook
/// and its <c>nbconvert --to html</c> export draw every chart with no network. Should the output that carried it be
/// gone (cleared), a chart loads plotly.js from the CDN instead.
/// </summary>
internal static class ChartHtml
{
    /// <summary>The comment inside each chart's div, as Plotly.NET writes it (checks count charts by it).</summary>
    public const string Marker = "Plotly chart will be drawn inside this DIV";

    public static string Render(GenericChart chart, string id, bool withPlotlyJs)
    {
        var html = new StringBuilder();
        if (withPlotlyJs)
        {
            // plotly.js is a UMD bundle: on a page with an AMD loader (Jupyter's classic front end has RequireJS) it
            // would register itself as a module instead of setting window.Plotly. Hiding define/module/exports as
            // parameters leaves it the global path.
            html.Append("<script type=\"text/javascript\">\nif (typeof window.Plotly === \"undefined\") (function (define, module, exports) {\n")
                .Append(PlotlyJs.InlineScript)
                .Append("\n})();\n</script>\n");
        }
        html.Append($"<div id=\"{id}\"><!-- {Marker} --></div>\n")
            .Append("<script type=\"text/javascript\">\n(function () {\n")
            .Append($"    var figure = {ReportCharts.ToJson(chart)};\n")
            .Append($"    var config = {ConfigJson(chart)};\n")
            .Append($"    var draw = function () {{ Plotly.newPlot(\"{id}\", figure.data, figure.layout, config); }};\n")
            .Append("    if (typeof window.Plotly !== \"undefined\") { draw(); return; }\n")
            .Append("    var script = document.createElement(\"script\");\n")
            .Append($"    script.src = \"https://cdn.plot.ly/plotly-{PlotlyJs.Version}.min.js\";\n")
            .Append("    script.charset = \"utf-8\";\n")
            .Append("    script.onload = draw;\n")
            .Append("    document.head.appendChild(script);\n")
            .Append("})();\n</script>\n");
        return html.ToString();
    }

    /// <summary>
    /// The chart's plotly config (Plotly.NET's default is responsive), which the figure JSON leaves out; escaped like
    /// the figure so no text in it can close the script element.
    /// </summary>
    private static string ConfigJson(GenericChart chart) => Newtonsoft.Json.JsonConvert.SerializeObject(GenericChart.getConfig(chart))
        .Replace("<", "\\u003c", StringComparison.Ordinal)
        .Replace(">", "\\u003e", StringComparison.Ordinal)
        .Replace("&", "\\u0026", StringComparison.Ordinal);
}
