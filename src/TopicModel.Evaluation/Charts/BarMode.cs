using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>layout.barmode</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BarMode>))]
public enum BarMode
{
    [JsonStringEnumMemberName("group")] Group,
    [JsonStringEnumMemberName("stack")] Stack,
    [JsonStringEnumMemberName("overlay")] Overlay,
    [JsonStringEnumMemberName("relative")] Relative,
}
