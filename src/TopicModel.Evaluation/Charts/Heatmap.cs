using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>heatmap</c> trace: <see cref="Z"/> is row-major, one row per <see cref="Y"/> category.</summary>
public sealed record Heatmap : Trace
{
    [JsonPropertyName("z")]
    public required IReadOnlyList<IReadOnlyList<double>> Z { get; init; }

    [JsonPropertyName("x")]
    public IReadOnlyList<string>? X { get; init; }

    [JsonPropertyName("y")]
    public IReadOnlyList<string>? Y { get; init; }

    /// <summary>Per-cell text, shaped like <see cref="Z"/>; shown in cells through <see cref="TextTemplate"/>.</summary>
    [JsonPropertyName("text")]
    public IReadOnlyList<IReadOnlyList<string>>? Text { get; init; }

    [JsonPropertyName("texttemplate")]
    public string? TextTemplate { get; init; }

    /// <summary>A named plotly colorscale such as <c>"Blues"</c> or <c>"Viridis"</c>.</summary>
    [JsonPropertyName("colorscale")]
    public string? Colorscale { get; init; }

    [JsonPropertyName("reversescale")]
    public bool? ReverseScale { get; init; }

    [JsonPropertyName("zmin")]
    public double? ZMin { get; init; }

    [JsonPropertyName("zmax")]
    public double? ZMax { get; init; }

    [JsonPropertyName("showscale")]
    public bool? ShowScale { get; init; }

    [JsonPropertyName("colorbar")]
    public ColorBar? ColorBar { get; init; }

    /// <summary>Pixels between columns/rows, so cells read as a grid.</summary>
    [JsonPropertyName("xgap")]
    public double? XGap { get; init; }

    [JsonPropertyName("ygap")]
    public double? YGap { get; init; }
}
