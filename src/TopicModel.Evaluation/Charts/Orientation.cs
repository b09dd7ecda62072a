using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>orientation</c> of bars and legends.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Orientation>))]
public enum Orientation
{
    [JsonStringEnumMemberName("v")] Vertical,
    [JsonStringEnumMemberName("h")] Horizontal,
}
