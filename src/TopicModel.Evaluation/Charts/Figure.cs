using System.Text.Json;
using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>
/// A plotly.js figure: the traces and the layout, serialized to the JSON that <c>Plotly.newPlot</c> takes.
/// Non-finite numbers become null, which plotly draws as gaps.
/// </summary>
public sealed record Figure
{
    [JsonPropertyName("data")]
    public required IReadOnlyList<Trace> Data { get; init; }

    [JsonPropertyName("layout")]
    public Layout Layout { get; init; } = new();

    public string ToJson() => JsonSerializer.Serialize(this, PlotlyJson.Options);
}
