using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>line.dash</c> styles.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LineDash>))]
public enum LineDash
{
    [JsonStringEnumMemberName("solid")] Solid,
    [JsonStringEnumMemberName("dot")] Dot,
    [JsonStringEnumMemberName("dash")] Dash,
    [JsonStringEnumMemberName("dashdot")] DashDot,
}
