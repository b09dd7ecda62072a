using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>marker</c> of bars and scatter points.</summary>
public sealed record Marker
{
    /// <summary>A CSS color, e.g. <c>"#1f77b4"</c>.</summary>
    [JsonPropertyName("color")]
    public string? Color { get; init; }

    /// <summary>One diameter in pixels for every point (scatter only).</summary>
    [JsonIgnore]
    public double? Size { get; init; }

    /// <summary>Per-point diameters in pixels; takes precedence over <see cref="Size"/> (scatter only).</summary>
    [JsonIgnore]
    public IReadOnlyList<double>? Sizes { get; init; }

    // plotly's marker.size is either a number or an array; written from whichever is set.
    [JsonInclude]
    [JsonPropertyName("size")]
    private object? SizeJson => (object?)Sizes ?? Size;

    [JsonPropertyName("opacity")]
    public double? Opacity { get; init; }

    [JsonPropertyName("line")]
    public Line? Line { get; init; }
}
