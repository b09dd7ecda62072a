using System.Text.Json.Serialization;

namespace TopicModel.Evaluation.Plotly;

/// <summary>
/// A plotly title object. plotly.js 3 dropped the plain-string shorthand, so titles are always <c>{"text": ...}</c>.
/// </summary>
public sealed record Title([property: JsonPropertyName("text")] string Text);
