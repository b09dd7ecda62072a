using System.Globalization;
using TopicModel.ML;

namespace TopicModel.Evaluation.Plotly;

/// <summary>
/// Ready-made report figures with readable defaults: long topic names on category axes get their own margin,
/// class order is kept as given, undefined values (NaN) are drawn as gaps.
/// </summary>
/// <remarks>
/// The namespace is <c>Plotly</c> although the folder is <c>Charts</c>: a namespace named <c>Charts</c> would
/// shadow this class, and <c>Charts.ConfusionHeatmap(...)</c> would not compile in other
/// <c>TopicModel.Evaluation.*</c> namespaces.
/// </remarks>
public static class Charts
{
    /// <summary>plotly's default qualitative colors, so series keep the colors readers know from other plots.</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    private const string IntervalColor = "#444444";

    /// <summary>
    /// Confusion matrix as a heatmap: rows are true classes (first class on top), columns predicted classes,
    /// color is the row-normalized share (recall on the diagonal), and each cell prints its count.
    /// </summary>
    /// <param name="rowNormalized">[true, predicted] shares of each true class; NaN for a class with no examples.</param>
    /// <param name="counts">[true, predicted] example counts.</param>
    public static Figure ConfusionHeatmap(string[] classNames, double[,] rowNormalized, long[,] counts)
    {
        RequireDistinctNames(classNames, "class names");
        var n = classNames.Length;
        RequireSquare(rowNormalized.GetLength(0), rowNormalized.GetLength(1), n, "row-normalized matrix");
        RequireSquare(counts.GetLength(0), counts.GetLength(1), n, "count matrix");

        var z = new double[n][];
        var text = new string[n][];
        for (var i = 0; i < n; i++)
        {
            z[i] = new double[n];
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
                z[i][j] = share;
                text[i][j] = counts[i, j].ToString(CultureInfo.InvariantCulture);
            }
        }

        var heatmap = new Heatmap
        {
            Z = z,
            X = classNames,
            Y = classNames,
            Text = text,
            TextTemplate = "%{text}",
            HoverTemplate = "True: %{y}<br>Predicted: %{x}<br>Papers: %{text}<br>Share of true topic: %{z:.1%}<extra></extra>",
            // plotly's "Blues" runs dark to light; reversed, empty cells are white and the diagonal stands out.
            Colorscale = "Blues",
            ReverseScale = true,
            ZMin = 0,
            ZMax = 1,
            XGap = 1,
            YGap = 1,
            ColorBar = new ColorBar { Title = new Title("Share of row"), TickFormat = ".0%" },
        };
        return new Figure
        {
            Data = [heatmap],
            Layout = new Layout
            {
                Title = new Title("Confusion matrix (rows: true topic, normalized per row)"),
                XAxis = CategoryAxis("Predicted topic", classNames) with { TickAngle = -40 },
                YAxis = CategoryAxis("True topic", classNames) with { AutoRange = AxisAutoRange.Reversed },
                Height = Math.Max(450, 220 + 34 * n),
                Margin = new Margin(Left: 20, Right: 20, Top: 60, Bottom: 20),
            },
        };
    }

    /// <summary>The confusion heatmap with shares computed from the counts (NaN rows for classes without examples).</summary>
    public static Figure ConfusionHeatmap(string[] classNames, long[,] counts)
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
    /// bootstrap confidence interval). Classes stay in the given order, first on top.
    /// </summary>
    public static Figure PerClassBars(string[] names, double[] values, double[] lower, double[] upper, string title)
    {
        RequireDistinctNames(names, "class names");
        RequireLength(values.Length, names.Length, "values", "class names");
        var error = ErrorBar.FromInterval(values, lower, upper) with { Color = IntervalColor, Thickness = 1.5, Width = 4 };
        var customData = new double[names.Length][];
        for (var i = 0; i < names.Length; i++) customData[i] = [lower[i], upper[i]];

        var bar = new Bar
        {
            Categories = names,
            Values = values,
            Orientation = Orientation.Horizontal,
            Error = error,
            CustomData = customData,
            Marker = new Marker { Color = Palette[0] },
            HoverTemplate = "%{y}<br>%{x:.3f} (interval %{customdata[0]:.3f} to %{customdata[1]:.3f})<extra></extra>",
        };
        // Metrics that are shares get a fixed 0..1 axis, so bar lengths compare across reports.
        var allShares = values.Concat(lower).Concat(upper).Where(double.IsFinite).All(v => v is >= 0 and <= 1);
        return new Figure
        {
            Data = [bar],
            Layout = new Layout
            {
                Title = new Title(title),
                XAxis = new Axis { Range = allShares ? [0, 1] : null, ZeroLine = true, AutoMargin = true },
                YAxis = CategoryAxis(null, names) with { AutoRange = AxisAutoRange.Reversed },
                Height = BarChartHeight(names.Length),
                Margin = new Margin(Left: 20, Right: 30, Top: 60, Bottom: 40),
                ShowLegend = false,
            },
        };
    }

    /// <summary>
    /// Reliability diagram: accuracy against mean confidence per confidence bin, with the diagonal of perfect
    /// calibration. Marker area grows with the bin's count; empty bins are left out. The title reports the
    /// expected calibration error (count-weighted mean of |accuracy - confidence|).
    /// </summary>
    public static Figure ReliabilityCurve(double[] meanConfidence, double[] accuracy, int[] counts)
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

        var diagonal = new Scatter
        {
            X = [0, 1],
            Y = [0, 1],
            Mode = ScatterMode.Lines,
            Name = "Perfect calibration",
            Line = new Line { Color = "#999999", Dash = LineDash.Dash, Width = 1.5 },
            HoverTemplate = "<extra></extra>",
        };
        var curve = new Scatter
        {
            X = bins.Select(b => meanConfidence[b]).ToArray(),
            Y = bins.Select(b => accuracy[b]).ToArray(),
            Mode = ScatterMode.LinesMarkers,
            Name = "Model",
            Text = bins.Select(b => counts[b].ToString(CultureInfo.InvariantCulture)).ToArray(),
            // Area, not diameter, proportional to count, between 6 and 22 pixels across.
            Marker = new Marker { Color = Palette[0], Sizes = bins.Select(b => 6 + 16 * Math.Sqrt((double)counts[b] / maxCount)).ToArray() },
            Line = new Line { Color = Palette[0], Width = 2 },
            HoverTemplate = "Confidence %{x:.3f}<br>Accuracy %{y:.3f}<br>Papers: %{text}<extra></extra>",
        };
        var ece = weightedGap / total;
        return new Figure
        {
            Data = [diagonal, curve],
            Layout = new Layout
            {
                Title = new Title($"Reliability diagram (ECE = {ece.ToString("0.000", CultureInfo.InvariantCulture)})"),
                XAxis = new Axis { Title = new Title("Mean predicted confidence"), Range = [0, 1], TickFormat = ".1f" },
                YAxis = new Axis { Title = new Title("Accuracy"), Range = [0, 1], TickFormat = ".1f" },
                Height = 520,
                Margin = new Margin(Left: 60, Right: 20, Top: 60, Bottom: 50),
                Legend = new Legend { X = 0.98, Y = 0.02, XAnchor = "right", YAnchor = "bottom" },
            },
        };
    }

    /// <summary>
    /// Vertical bars, one group per category and one colored bar per series in each group
    /// (e.g. label distribution of the training vs the held-out digest).
    /// </summary>
    /// <param name="valueFormat">d3 format of the value axis and hover, e.g. <c>".0%"</c> for shares; null for plain numbers.</param>
    public static Figure GroupedBars(string[] categories, (string name, double[] values)[] series, string title, string? valueFormat = null)
    {
        RequireDistinctNames(categories, "categories");
        if (series.Length == 0) throw new TopicModelException("grouped bars need at least one series");
        RequireDistinctNames(series.Select(s => s.name).ToArray(), "series names");
        var traces = new Trace[series.Length];
        for (var s = 0; s < series.Length; s++)
        {
            var (name, values) = series[s];
            RequireLength(values.Length, categories.Length, $"series '{name}'", "categories");
            traces[s] = new Bar
            {
                Name = name,
                Categories = categories,
                Values = values,
                Marker = new Marker { Color = Palette[s % Palette.Count] },
                // The series name comes from plotly's own hover box, so names are never parsed as a template.
                HoverTemplate = valueFormat is null ? "%{x}: %{y}" : $"%{{x}}: %{{y:{valueFormat}}}",
            };
        }
        return new Figure
        {
            Data = traces,
            Layout = new Layout
            {
                Title = new Title(title),
                BarMode = BarMode.Group,
                XAxis = CategoryAxis(null, categories) with { TickAngle = -35 },
                YAxis = new Axis { ZeroLine = true, AutoMargin = true, TickFormat = valueFormat },
                Height = 480,
                Margin = new Margin(Left: 50, Right: 20, Top: 80, Bottom: 20),
                Legend = new Legend { Orientation = Orientation.Horizontal, X = 0, Y = 1.02, XAnchor = "left", YAnchor = "bottom" },
            },
        };
    }

    /// <summary>
    /// The <paramref name="top"/> heaviest terms of one topic as horizontal bars, heaviest on top
    /// (ties broken by term, so the chart is the same on every run).
    /// </summary>
    public static Figure TopicTermBars(string topic, string[] terms, double[] weights, int top = 15)
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
        var bar = new Bar
        {
            Name = topic,
            Categories = shown,
            Values = order.Select(i => weights[i]).ToArray(),
            Orientation = Orientation.Horizontal,
            Marker = new Marker { Color = Palette[2] },
            HoverTemplate = "%{y}: %{x:.4f}<extra></extra>",
        };
        return new Figure
        {
            Data = [bar],
            Layout = new Layout
            {
                Title = new Title($"Top terms: {topic}"),
                XAxis = new Axis { Title = new Title("Weight"), ZeroLine = true },
                YAxis = CategoryAxis(null, shown) with { AutoRange = AxisAutoRange.Reversed },
                Height = BarChartHeight(shown.Length),
                Margin = new Margin(Left: 20, Right: 20, Top: 60, Bottom: 50),
                ShowLegend = false,
            },
        };
    }

    private static Axis CategoryAxis(string? title, IReadOnlyList<string> order) => new()
    {
        Title = title is null ? null : new Title(title),
        Type = AxisType.Category,
        CategoryOrder = CategoryOrder.Array,
        CategoryArray = order,
        AutoMargin = true,
    };

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
