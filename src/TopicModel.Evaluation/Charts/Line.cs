using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>line</c> of a scatter trace or a marker outline.</summary>
public sealed record Line
{
    [JsonPropertyName("color")]
    public string? Color { get; init; }

    [JsonPropertyName("width")]
    public double? Width { get; init; }

    [JsonPropertyName("dash")]
    public LineDash? Dash { get; init; }
}
