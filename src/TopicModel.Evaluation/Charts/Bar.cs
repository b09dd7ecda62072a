using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>
/// plotly <c>bar</c> trace described by what it shows (categories and their values) rather than by axis:
/// plotly puts values on <c>x</c> and the error bars in <c>error_x</c> for horizontal bars, on <c>y</c> /
/// <c>error_y</c> for vertical ones, and this record writes whichever <see cref="Orientation"/> asks for.
/// </summary>
public sealed record Bar : Trace
{
    [JsonIgnore]
    public required IReadOnlyList<string> Categories { get; init; }

    [JsonIgnore]
    public required IReadOnlyList<double> Values { get; init; }

    /// <summary>Error bars on the values (e.g. a confidence interval); null for none.</summary>
    [JsonIgnore]
    public ErrorBar? Error { get; init; }

    [JsonPropertyName("orientation")]
    public Orientation Orientation { get; init; } = Orientation.Vertical;

    [JsonInclude]
    [JsonPropertyName("x")]
    private object X => Horizontal ? Values : Categories;

    [JsonInclude]
    [JsonPropertyName("y")]
    private object Y => Horizontal ? Categories : Values;

    [JsonInclude]
    [JsonPropertyName("error_x")]
    private ErrorBar? ErrorX => Horizontal ? Error : null;

    [JsonInclude]
    [JsonPropertyName("error_y")]
    private ErrorBar? ErrorY => Horizontal ? null : Error;

    [JsonPropertyName("marker")]
    public Marker? Marker { get; init; }

    [JsonPropertyName("text")]
    public IReadOnlyList<string>? Text { get; init; }

    [JsonPropertyName("texttemplate")]
    public string? TextTemplate { get; init; }

    [JsonPropertyName("textposition")]
    public TextPosition? TextPosition { get; init; }

    /// <summary>Extra numbers per bar that <see cref="Trace.HoverTemplate"/> reads as <c>%{customdata[i]}</c>.</summary>
    [JsonPropertyName("customdata")]
    public IReadOnlyList<IReadOnlyList<double>>? CustomData { get; init; }

    private bool Horizontal => Orientation == Orientation.Horizontal;
}
