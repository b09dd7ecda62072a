using System.Globalization;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.TraceObjects;
using TopicModel.ML;
using static TopicModel.Evaluation.Charts.PlotlyObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace TopicModel.Evaluation.Charts;

/// <summary>
/// The report's charts, drawn with Plotly.NET, with readable defaults: long topic names on category axes get their
/// own margin, class order is kept as given, undefined values (NaN) are drawn as gaps. Inputs are checked, since
/// plotly itself draws wrong input silently (it merges equal category names, for one).
/// </summary>
public static class ReportCharts
{
    /// <summary>plotly's default qualitative colors, so series keep the colors readers know from other plots.</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    private const string IntervalColor = "#444444";

    /// <summary>
    /// The figure as plotly.js reads it (<c>{"data": [...], "layout": {...}}</c>), safe to embed in a
    /// <c>&lt;script&gt;</c> element: '&lt;', '&gt;' and '&amp;' are written as JSON escapes, so no text in a chart can
    /// close the element.
    /// </summary>
    public static string ToJson(GenericChart chart) => GenericChart.toFigureJson(chart)
        .Replace("<", "\\u003c", StringComparison.Ordinal)
        .Replace(">", "\\u003e", StringComparison.Ordinal)
        .Replace("&", "\\u0026", StringComparison.Ordinal);

    /// <summary>
    /// Confusion matrix as a heatmap: rows are true classes (first class on top), columns predicted classes,
    /// color is the row-normalized share (recall on the diagonal), and each cell prints its count.
    /// </summary>
    /// <param name="rowNormalized">[true, predicted] shares of each true class; NaN for a class with no examples.</param>
    /// <param name="counts">[true, predicted] example counts.</param>
    public static GenericChart ConfusionHeatmap(string[] classNames, double[,] rowNormalized, long[,] counts)
    {
        RequireDistinctNames(classNames, "class names");
        var n = classNames.Length;
        RequireSquare(rowNormalized.GetLength(0), rowNormalized.GetLength(1), n, "row-normalized matrix");
        RequireSquare(counts.GetLength(0), counts.GetLength(1), n, "count matrix");

        var z = new double?[n][];
        var text = new string[n][];
        for (var i = 0; i < n; i++)
        {
            var row = new double[n];
            text[i] = new string[n];
            for (var j = 0; j < n; j++)
            {
                var share = rowNormalized[i, j];
                if (share < 0 || share > 1)
                {
                    throw new TopicModelException(
                        $"row-normalized confusion matrix: cell [{classNames[i]}, {classNames[j]}] = {share} is not a share in [0, 1]");
                }
                if (counts[i, j] < 0)
                {
                    throw new TopicModelException(
                        $"confusion matrix counts: cell [{classNames[i]}, {classNames[j]}] = {counts[i, j]} is negative");
                }
                row[j] = share;
                text[i][j] = counts[i, j].ToString(CultureInfo.InvariantCulture);
            }
            z[i] = Gaps(row);
        }

        // Plotly.NET's constructors take no missing values, so z (with null gaps) is set on the trace after.
        var chart = Chart.Heatmap<double, string, string, string>(
            Enumerable.Range(0, n).Select(_ => new double[n]), X: classNames, Y: classNames, XGap: 1, YGap: 1, ReverseScale: true);
        Traces(chart)[0]
            .With("z", z)
            // plotly's "Blues" (not among Plotly.NET's named scales) runs dark to light; reversed, empty cells are
            // white and the diagonal stands out.
            .With("colorscale", "Blues")
            .With("text", text)
            .With("texttemplate", "%{text}")
            .With("hovertemplate", "True: %{y}<br>Predicted: %{x}<br>Papers: %{text}<br>Share of true topic: %{z:.1%}<extra></extra>")
            .With("zmin", 0)
            .With("zmax", 1)
            .With("colorbar", new ColorBar().With("title", Title("Share of row")).With("tickformat", ".0%"));
        Layout(chart, "Confusion matrix (rows: true topic, normalized per row)", Math.Max(450, 220 + 34 * n), (20, 20, 60, 20))
            .With("xaxis", CategoryAxis("Predicted topic", classNames).With("tickangle", -40))
            .With("yaxis", CategoryAxis("True topic", classNames).With("autorange", "reversed"));
        return chart;
    }

    /// <summary>The confusion heatmap with shares computed from the counts (NaN rows for classes without examples).</summary>
    public static GenericChart ConfusionHeatmap(string[] classNames, long[,] counts)
    {
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var shares = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            long total = 0;
            for (var j = 0; j < columns; j++) total += counts[i, j];
            for (var j = 0; j < columns; j++) shares[i, j] = total == 0 ? double.NaN : (double)counts[i, j] / total;
        }
        return ConfusionHeatmap(classNames, shares, counts);
    }

    /// <summary>
    /// One horizontal bar per class with its interval as asymmetric error bars (e.g. per-class recall with a
    /// bootstrap confidence interval). Classes stay in the given order, first on top. A NaN value or bound draws
    /// no bar or whisker. Neither does a value of 0, so the classes without a visible bar are labeled at the axis:
    /// "0" for a zero and <paramref name="noValue"/> for a NaN, and the two cannot be mistaken for each other.
    /// </summary>
    public static GenericChart PerClassBars(string[] names, double[] values, double[] lower, double[] upper, string title, string noValue = "no value")
    {
        RequireDistinctNames(names, "class names");
        RequireLength(values.Length, names.Length, "values", "class names");
        var (plus, minus) = ErrorLengths(values, lower, upper);
        var customData = new double?[names.Length][];
        for (var i = 0; i < names.Length; i++) customData[i] = Gaps([lower[i], upper[i]]);

        var chart = Chart.Bar<double, string, string>(values.Select(v => double.IsFinite(v) ? v : 0), Keys: names, MarkerColor: Color.fromHex(Palette[0]));
        Traces(chart)[0]
            .With("x", Gaps(values))
            .With("error_x", new Error()
                .With("type", "data").With("symmetric", false).With("visible", true)
                .With("array", Gaps(plus)).With("arrayminus", Gaps(minus))
                .With("color", IntervalColor).With("thickness", 1.5).With("width", 4))
            .With("customdata", customData)
            .With("hovertemplate", "%{y}<br>%{x:.3f} (interval %{customdata[0]:.3f} to %{customdata[1]:.3f})<extra></extra>");
        // Metrics that are shares get a fixed 0..1 axis, so bar lengths compare across reports.
        var allShares = values.Concat(lower).Concat(upper).Where(double.IsFinite).All(v => v is >= 0 and <= 1);
        Layout(chart, title, BarChartHeight(names.Length), (20, 30, 60, 40))
            .With("xaxis", new LinearAxis().With("range", allShares ? new[] { 0.0, 1.0 } : null).With("zeroline", true).With("automargin", true))
            .With("yaxis", CategoryAxis(null, names).With("autorange", "reversed"))
            .With("showlegend", false)
            .With("annotations", NoBarLabels(names, values, noValue));
        return chart;
    }

    /// <summary>A label just right of the axis for each class whose bar has no length; null when every bar shows.</summary>
    private static Annotation[]? NoBarLabels(string[] names, double[] values, string noValue)
    {
        var labels = names.Zip(values)
            .Where(c => c.Second == 0 || double.IsNaN(c.Second))
            .Select(c => new Annotation()
                .With("x", 0).With("y", c.First).With("xref", "x").With("yref", "y")
                .With("xanchor", "left").With("xshift", 4).With("showarrow", false)
                .With("text", c.Second == 0 ? "0" : noValue).With("font", new Font().With("color", IntervalColor)))
            .ToArray();
        return labels.Length == 0 ? null : labels;
    }

    /// <summary>
    /// Reliability diagram: accuracy against mean confidence per confidence bin, with the diagonal of perfect
    /// calibration. Marker area grows with the bin's count; empty bins are left out. The title reports the
    /// expected calibration error (count-weighted mean of |accuracy - confidence|).
    /// </summary>
    public static GenericChart ReliabilityCurve(double[] meanConfidence, double[] accuracy, int[] counts)
    {
        RequireLength(accuracy.Length, meanConfidence.Length, "accuracy", "mean confidence");
        RequireLength(counts.Length, meanConfidence.Length, "counts", "mean confidence");
        var bins = new List<int>();
        for (var b = 0; b < counts.Length; b++)
        {
            if (counts[b] < 0) throw new TopicModelException($"reliability bin {b}: count {counts[b]} is negative");
            if (counts[b] == 0) continue;
            if (!(meanConfidence[b] is >= 0 and <= 1) || !(accuracy[b] is >= 0 and <= 1))
            {
                throw new TopicModelException(
                    $"reliability bin {b}: mean confidence {meanConfidence[b]} and accuracy {accuracy[b]} must be in [0, 1]");
            }
            bins.Add(b);
        }
        if (bins.Count == 0) throw new TopicModelException("reliability curve: every bin is empty");

        long total = 0;
        var weightedGap = 0.0;
        foreach (var b in bins)
        {
            total += counts[b];
            weightedGap += counts[b] * Math.Abs(accuracy[b] - meanConfidence[b]);
        }
        var maxCount = bins.Max(b => counts[b]);

        var diagonal = Chart.Line<double, double, string>(
            new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 }, Name: "Perfect calibration",
            LineColor: Color.fromHex("#999999"), LineWidth: 1.5, LineDash: StyleParam.DrawingStyle.Dash);
        Traces(diagonal)[0].With("hovertemplate", "<extra></extra>");
        var curve = Chart.Line<double, double, string>(
            bins.Select(b => meanConfidence[b]), bins.Select(b => accuracy[b]), ShowMarkers: true, Name: "Model",
            MultiText: bins.Select(b => counts[b].ToString(CultureInfo.InvariantCulture)).ToArray(),
            LineColor: Color.fromHex(Palette[0]), LineWidth: 2);
        Traces(curve)[0]
            // Area, not diameter, proportional to count, between 6 and 22 pixels across.
            .With("marker", new Marker().With("color", Palette[0]).With("size", bins.Select(b => 6 + 16 * Math.Sqrt((double)counts[b] / maxCount)).ToArray()))
            .With("hovertemplate", "Confidence %{x:.3f}<br>Accuracy %{y:.3f}<br>Papers: %{text}<extra></extra>");
        var chart = Chart.Combine([diagonal, curve]);
        var ece = weightedGap / total;
        Layout(chart, $"Reliability diagram (ECE = {ece.ToString("0.000", CultureInfo.InvariantCulture)})", 520, (60, 20, 60, 50))
            .With("xaxis", new LinearAxis().With("title", Title("Mean predicted confidence")).With("range", new[] { 0.0, 1.0 }).With("tickformat", ".1f"))
            .With("yaxis", new LinearAxis().With("title", Title("Accuracy")).With("range", new[] { 0.0, 1.0 }).With("tickformat", ".1f"))
            .With("legend", new Legend().With("x", 0.98).With("y", 0.02).With("xanchor", "right").With("yanchor", "bottom"));
        return chart;
    }

    /// <summary>
    /// Vertical bars, one group per category and one colored bar per series in each group
    /// (e.g. label distribution of the training vs the held-out digest).
    /// </summary>
    /// <param name="valueFormat">d3 format of the value axis and hover, e.g. <c>".0%"</c> for shares; null for plain numbers.</param>
    public static GenericChart GroupedBars(string[] categories, (string name, double[] values)[] series, string title, string? valueFormat = null)
    {
        RequireDistinctNames(categories, "categories");
        if (series.Length == 0) throw new TopicModelException("grouped bars need at least one series");
        RequireDistinctNames(series.Select(s => s.name).ToArray(), "series names");
        var columns = new GenericChart[series.Length];
        for (var s = 0; s < series.Length; s++)
        {
            var (name, values) = series[s];
            RequireLength(values.Length, categories.Length, $"series '{name}'", "categories");
            columns[s] = Chart.Column<double, string, string>(values.Select(v => double.IsFinite(v) ? v : 0), Keys: categories, Name: name,
                MarkerColor: Color.fromHex(Palette[s % Palette.Count]));
            Traces(columns[s])[0]
                .With("y", Gaps(values))
                // The series name comes from plotly's own hover box, so names are never parsed as a template.
                .With("hovertemplate", valueFormat is null ? "%{x}: %{y}" : $"%{{x}}: %{{y:{valueFormat}}}");
        }
        var chart = Chart.Combine(columns);
        Layout(chart, title, 480, (50, 20, 80, 20))
            .With("barmode", "group")
            .With("xaxis", CategoryAxis(null, categories).With("tickangle", -35))
            .With("yaxis", new LinearAxis().With("zeroline", true).With("automargin", true).With("tickformat", valueFormat))
            .With("legend", new Legend().With("orientation", "h").With("x", 0).With("y", 1.02).With("xanchor", "left").With("yanchor", "bottom"));
        return chart;
    }

    /// <summary>
    /// The <paramref name="top"/> heaviest terms of one topic as horizontal bars, heaviest on top
    /// (ties broken by term, so the chart is the same on every run).
    /// </summary>
    public static GenericChart TopicTermBars(string topic, string[] terms, double[] weights, int top = 15)
    {
        RequireLength(weights.Length, terms.Length, "weights", "terms");
        if (top < 1) throw new TopicModelException($"top must be at least 1, got {top}");
        if (terms.Length == 0) throw new TopicModelException($"topic '{topic}' has no terms to chart");
        RequireDistinctNames(terms, $"terms of topic '{topic}'");
        for (var i = 0; i < weights.Length; i++)
        {
            if (!double.IsFinite(weights[i]))
                throw new TopicModelException($"topic '{topic}': weight of term '{terms[i]}' is {weights[i]}");
        }

        var order = Enumerable.Range(0, terms.Length)
            .OrderByDescending(i => weights[i])
            .ThenBy(i => terms[i], StringComparer.Ordinal)
            .Take(top)
            .ToArray();
        var shown = order.Select(i => terms[i]).ToArray();
        var chart = Chart.Bar<double, string, string>(order.Select(i => weights[i]), Keys: shown, Name: topic, MarkerColor: Color.fromHex(Palette[2]));
        Traces(chart)[0].With("hovertemplate", "%{y}: %{x:.4f}<extra></extra>");
        Layout(chart, $"Top terms: {topic}", BarChartHeight(shown.Length), (20, 20, 60, 50))
            .With("xaxis", new LinearAxis().With("title", Title("Weight")).With("zeroline", true))
            .With("yaxis", CategoryAxis(null, shown).With("autorange", "reversed"))
            .With("showlegend", false);
        return chart;
    }

    /// <summary>
    /// Error-bar lengths above (plus) and below (minus) each value for the interval [lower, upper]; a NaN bound
    /// (undefined interval) gives a NaN length, drawn as no whisker.
    /// </summary>
    /// <exception cref="TopicModelException">lengths differ or a bound lies on the wrong side of its value.</exception>
    private static (double[] Plus, double[] Minus) ErrorLengths(double[] values, double[] lower, double[] upper)
    {
        if (lower.Length != values.Length || upper.Length != values.Length)
        {
            throw new TopicModelException(
                $"interval bounds must match the values: {values.Length} values, {lower.Length} lower, {upper.Length} upper bounds");
        }
        var plus = new double[values.Length];
        var minus = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            // Tolerance for bounds computed in a different order of floating-point operations than the value.
            const double slack = 1e-12;
            if (lower[i] > values[i] + slack || upper[i] < values[i] - slack)
                throw new TopicModelException($"interval {i} [{lower[i]}, {upper[i]}] does not contain its value {values[i]}");
            plus[i] = Math.Max(0, upper[i] - values[i]);
            minus[i] = Math.Max(0, values[i] - lower[i]);
        }
        return (plus, minus);
    }

    private static int BarChartHeight(int bars) => Math.Max(300, 130 + 30 * bars);

    private static void RequireDistinctNames(string[] names, string what)
    {
        if (names.Length == 0) throw new TopicModelException($"{what}: none given");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new TopicModelException($"{what}: empty name");
            // plotly merges equal categories into one bar/row, which would silently misplace values.
            if (!seen.Add(name)) throw new TopicModelException($"{what}: '{name}' appears more than once");
        }
    }

    private static void RequireLength(int actual, int expected, string what, string against)
    {
        if (actual != expected)
            throw new TopicModelException($"{what} has {actual} entries but there are {expected} {against}");
    }

    private static void RequireSquare(int rows, int columns, int n, string what)
    {
        if (rows != n || columns != n)
            throw new TopicModelException($"{what} is {rows}x{columns} but there are {n} classes");
    }
}
