using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly <c>mode</c> of a scatter trace (a flag list; these are the combinations reports use).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScatterMode>))]
public enum ScatterMode
{
    [JsonStringEnumMemberName("lines")] Lines,
    [JsonStringEnumMemberName("markers")] Markers,
    [JsonStringEnumMemberName("lines+markers")] LinesMarkers,
}
