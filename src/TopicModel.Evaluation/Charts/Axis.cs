using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>layout.xaxis</c> / <c>layout.yaxis</c>.</summary>
public sealed record Axis
{
    [JsonPropertyName("title")]
    public Title? Title { get; init; }

    [JsonPropertyName("type")]
    public AxisType? Type { get; init; }

    [JsonPropertyName("categoryorder")]
    public CategoryOrder? CategoryOrder { get; init; }

    /// <summary>The category order when <see cref="CategoryOrder"/> is <see cref="Plotly.CategoryOrder.Array"/>.</summary>
    [JsonPropertyName("categoryarray")]
    public IReadOnlyList<string>? CategoryArray { get; init; }

    [JsonPropertyName("autorange")]
    public AxisAutoRange? AutoRange { get; init; }

    /// <summary>Fixed [min, max]; null lets plotly fit the data.</summary>
    [JsonPropertyName("range")]
    public IReadOnlyList<double>? Range { get; init; }

    /// <summary>d3 format of the tick labels, e.g. <c>".0%"</c> or <c>".2f"</c>.</summary>
    [JsonPropertyName("tickformat")]
    public string? TickFormat { get; init; }

    [JsonPropertyName("tickangle")]
    public double? TickAngle { get; init; }

    /// <summary>Grow the margin to fit long tick labels (topic names) instead of clipping them.</summary>
    [JsonPropertyName("automargin")]
    public bool? AutoMargin { get; init; }

    [JsonPropertyName("zeroline")]
    public bool? ZeroLine { get; init; }

    [JsonPropertyName("showgrid")]
    public bool? ShowGrid { get; init; }
}
