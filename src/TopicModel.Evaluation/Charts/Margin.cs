using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>layout.margin</c> in pixels.</summary>
public sealed record Margin(
    [property: JsonPropertyName("l")] int Left,
    [property: JsonPropertyName("r")] int Right,
    [property: JsonPropertyName("t")] int Top,
    [property: JsonPropertyName("b")] int Bottom);
