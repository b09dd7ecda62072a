using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>scatter</c> trace over numeric axes: points, lines or both.</summary>
public sealed record Scatter : Trace
{
    [JsonPropertyName("x")]
    public required IReadOnlyList<double> X { get; init; }

    [JsonPropertyName("y")]
    public required IReadOnlyList<double> Y { get; init; }

    [JsonPropertyName("mode")]
    public ScatterMode Mode { get; init; } = ScatterMode.LinesMarkers;

    [JsonPropertyName("line")]
    public Line? Line { get; init; }

    [JsonPropertyName("marker")]
    public Marker? Marker { get; init; }

    /// <summary>Per-point text, available to <see cref="Trace.HoverTemplate"/> as <c>%{text}</c>.</summary>
    [JsonPropertyName("text")]
    public IReadOnlyList<string>? Text { get; init; }
}
