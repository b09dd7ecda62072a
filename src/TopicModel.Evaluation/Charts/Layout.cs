using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>layout</c>: titles, axes, size and legend of a figure.</summary>
public sealed record Layout
{
    [JsonPropertyName("title")]
    public Title? Title { get; init; }

    [JsonPropertyName("xaxis")]
    public Axis? XAxis { get; init; }

    [JsonPropertyName("yaxis")]
    public Axis? YAxis { get; init; }

    [JsonPropertyName("margin")]
    public Margin? Margin { get; init; }

    /// <summary>Height in pixels; plotly's default (450) is too small for a 14-class confusion matrix.</summary>
    [JsonPropertyName("height")]
    public int? Height { get; init; }

    [JsonPropertyName("width")]
    public int? Width { get; init; }

    [JsonPropertyName("showlegend")]
    public bool? ShowLegend { get; init; }

    [JsonPropertyName("legend")]
    public Legend? Legend { get; init; }

    /// <summary>How several bar traces share a category: side by side (<see cref="Plotly.BarMode.Group"/>) or stacked.</summary>
    [JsonPropertyName("barmode")]
    public BarMode? BarMode { get; init; }
}
