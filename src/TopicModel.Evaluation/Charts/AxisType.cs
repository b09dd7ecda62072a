using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly axis <c>type</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AxisType>))]
public enum AxisType
{
    [JsonStringEnumMemberName("linear")] Linear,
    [JsonStringEnumMemberName("log")] Log,
    [JsonStringEnumMemberName("category")] Category,
}
