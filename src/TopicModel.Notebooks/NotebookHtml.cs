using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Plotly.NET;
using TopicModel.Evaluation.Charts;

namespace TopicModel.Notebooks;

/// <summary>
/// HTML for notebook outputs: tables of records and plotly figures. The methods return HTML strings, so a notebook
/// shows them with <c>display(HTML(NotebookHtml.Table(rows)))</c> both in VS Code Polyglot (whose <c>HTML</c>
/// global is its own) and in <c>topicmodel notebook run</c>.
/// </summary>
public static class NotebookHtml
{
    /// <summary>
    /// A table with one row per record and one column per public property (or field) of the record type;
    /// for a sequence of scalars (strings, numbers) one column "value". Doubles are shown with 4 significant digits.
    /// </summary>
    /// <param name="maxRows">Rows shown; a last line says how many were left out.</param>
    public static string Table<T>(IEnumerable<T> rows, int maxRows = 100) => TableOf(rows, typeof(T), maxRows);

    /// <summary>A table from a header and rows of cells (each cell formatted like <see cref="Table{T}"/> does).</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, int maxRows = 100)
    {
        var html = new StringBuilder("<table class=\"topicmodel-table\">\n<thead><tr>");
        foreach (var h in header) html.Append("<th>").Append(Escape(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            if (count > maxRows) continue;
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(Escape(Format(cell))).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>");
        if (count > maxRows) html.Append($"\n<p><i>{maxRows} of {count} rows shown</i></p>");
        return html.ToString();
    }

    /// <summary>
    /// A plotly figure as a div and a script that draws it, loading plotly.js from the CDN when the page has none
    /// (VS Code's notebook renderer runs the script). The div id is derived from the figure, unless given.
    /// </summary>
    public static string Plot(GenericChart figure, string? id = null, int height = 480)
    {
        var json = ReportCharts.ToJson(figure);
        id ??= "plot-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12];
        // "</" inside a script block would end it; JSON allows "<\/".
        var safe = json.Replace("</", "<\\/", StringComparison.Ordinal);
        return $$"""
            <div id="{{id}}" class="plotly-figure" style="height:{{height}}px"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{safe}};
              var draw = function () { Plotly.newPlot("{{id}}", figure.data, figure.layout, { responsive: true }); };
              if (window.Plotly) { draw(); return; }
              var script = document.createElement("script");
              script.src = "https://cdn.plot.ly/plotly-{{(global::Globals.PLOTLYJS_VERSION)}}.min.js";
              script.onload = draw;
              document.head.appendChild(script);
            })();
            </script>
            """;
    }

    internal static string TableOf(IEnumerable rows, Type? elementType, int maxRows)
    {
        var items = rows.Cast<object?>();
        elementType = elementType is null || elementType == typeof(object)
            ? rows.Cast<object?>().FirstOrDefault(r => r is not null)?.GetType() ?? typeof(object)
            : elementType;
        if (IsScalar(elementType))
            return Table(["value"], items.Select(v => (IReadOnlyList<object?>)[v]), maxRows);
        var members = elementType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (p.Name, Get: (Func<object, object?>)p.GetValue))
            .Concat(elementType.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (f.Name, Get: (Func<object, object?>)f.GetValue)))
            .ToArray();
        return Table(members.Select(m => m.Name).ToArray(),
            items.Select(r => (IReadOnlyList<object?>)members.Select(m => r is null ? null : m.Get(r)).ToArray()), maxRows);
    }

    internal static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        float f => f.ToString("G4", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => string.Join(", ", e.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    internal static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static bool IsScalar(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(object);
}
