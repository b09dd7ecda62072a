using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>textposition</c> of bar labels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextPosition>))]
public enum TextPosition
{
    [JsonStringEnumMemberName("auto")] Auto,
    [JsonStringEnumMemberName("inside")] Inside,
    [JsonStringEnumMemberName("outside")] Outside,
    [JsonStringEnumMemberName("none")] None,
}
