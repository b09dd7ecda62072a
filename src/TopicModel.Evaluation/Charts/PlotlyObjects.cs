using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace TopicModel.Evaluation.Charts;

/// <summary>
/// Setting plotly attributes that Plotly.NET.CSharp has no argument for (hover and text templates, asymmetric
/// error bars, reversed axes, tick formats) on Plotly.NET's own trace and layout objects, by their plotly.js names.
/// </summary>
internal static class PlotlyObjects
{
    /// <summary>Sets the attribute unless <paramref name="value"/> is null (unset attributes keep plotly's default).</summary>
    public static T With<T>(this T target, string attribute, object? value) where T : DynamicObj.DynamicObj
    {
        if (value is not null) target.SetProperty(attribute, value);
        return target;
    }

    public static Title Title(string text) => new Title().With("text", text);

    /// <summary>The chart's only trace, or every trace of a combined chart, for attributes the constructors lack.</summary>
    public static IReadOnlyList<Trace> Traces(GenericChart chart) => GenericChart.getTraces(chart).ToArray();

    /// <summary>
    /// The chart's layout with Plotly.NET's fixed 600 px width removed (a report page sizes charts to its column),
    /// and the title, height and margins given; the caller sets the rest on the returned object.
    /// </summary>
    public static Layout Layout(GenericChart chart, string title, int height, (int Left, int Right, int Top, int Bottom) margin)
    {
        var layout = GenericChart.getLayout(chart);
        layout.RemoveProperty("width");
        return layout
            .With("title", Title(title))
            .With("height", height)
            .With("margin", new Margin().With("l", margin.Left).With("r", margin.Right).With("t", margin.Top).With("b", margin.Bottom));
    }

    /// <summary>A category axis that keeps the given order (plotly would otherwise sort or merge categories).</summary>
    public static LinearAxis CategoryAxis(string? title, IReadOnlyList<string> order) => new LinearAxis()
        .With("title", title is null ? null : Title(title))
        .With("type", "category")
        .With("categoryorder", "array")
        .With("categoryarray", order.ToArray())
        .With("automargin", true);

    /// <summary>JSON has no NaN: plotly draws null as a gap, which is what an undefined value should look like.</summary>
    public static double?[] Gaps(IEnumerable<double> values) => values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();
}
