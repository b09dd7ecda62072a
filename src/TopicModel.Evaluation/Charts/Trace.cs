using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>One plotly trace; the <c>type</c> property plotly dispatches on is written from the subclass.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Heatmap), "heatmap")]
[JsonDerivedType(typeof(Bar), "bar")]
[JsonDerivedType(typeof(Scatter), "scatter")]
public abstract record Trace
{
    /// <summary>Legend entry and hover label.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("showlegend")]
    public bool? ShowLegend { get; init; }

    /// <summary>plotly hover template, e.g. <c>"%{y}: %{x:.3f}&lt;extra&gt;&lt;/extra&gt;"</c>.</summary>
    [JsonPropertyName("hovertemplate")]
    public string? HoverTemplate { get; init; }
}
