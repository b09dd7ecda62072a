using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>layout.legend</c>; positions are fractions of the plot area.</summary>
public sealed record Legend
{
    [JsonPropertyName("orientation")]
    public Orientation? Orientation { get; init; }

    [JsonPropertyName("x")]
    public double? X { get; init; }

    [JsonPropertyName("y")]
    public double? Y { get; init; }

    /// <summary><c>"left"</c>, <c>"center"</c> or <c>"right"</c>: which side of the legend <see cref="X"/> anchors.</summary>
    [JsonPropertyName("xanchor")]
    public string? XAnchor { get; init; }

    /// <summary><c>"top"</c>, <c>"middle"</c> or <c>"bottom"</c>: which side of the legend <see cref="Y"/> anchors.</summary>
    [JsonPropertyName("yanchor")]
    public string? YAnchor { get; init; }
}
