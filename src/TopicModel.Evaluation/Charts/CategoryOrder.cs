using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>plotly axis <c>categoryorder</c>; <see cref="Array"/> follows <see cref="Axis.CategoryArray"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CategoryOrder>))]
public enum CategoryOrder
{
    [JsonStringEnumMemberName("trace")] Trace,
    [JsonStringEnumMemberName("array")] Array,
    [JsonStringEnumMemberName("category ascending")] CategoryAscending,
    [JsonStringEnumMemberName("total descending")] TotalDescending,
}
