using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>
/// The string values of plotly's <c>autorange</c> (the boolean ones are plotly's default when unset).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AxisAutoRange>))]
public enum AxisAutoRange
{
    /// <summary>Auto-ranged, high to low: puts the first category at the top of a vertical category axis.</summary>
    [JsonStringEnumMemberName("reversed")] Reversed,
}
