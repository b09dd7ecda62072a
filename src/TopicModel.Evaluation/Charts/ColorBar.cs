using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>colorbar</c> of a heatmap.</summary>
public sealed record ColorBar
{
    [JsonPropertyName("title")]
    public Title? Title { get; init; }

    /// <summary>d3 format of the tick labels, e.g. <c>".0%"</c>.</summary>
    [JsonPropertyName("tickformat")]
    public string? TickFormat { get; init; }
}
