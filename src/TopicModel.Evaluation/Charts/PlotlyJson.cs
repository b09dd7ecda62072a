using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TopicModel.Evaluation.Plotly;

/// <summary>Serializer settings for plotly.js figures: explicit plotly property names, unset fields omitted.</summary>
internal static class PlotlyJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The default encoder escapes '<', '>' and '&', so the JSON can be embedded in a <script> block as is.
        Converters = { new NonFiniteAsNullConverter() },
        // Figures are only written, never read; C# 'required' already guards construction, and System.Text.Json
        // would otherwise reject required members that are not written as such (Bar.Categories maps to x or y).
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers = { info => { foreach (var property in info.Properties) property.IsRequired = false; } },
        },
    };

    /// <summary>
    /// JSON has no NaN/Infinity; plotly draws null as a gap, which is what an undefined metric
    /// (e.g. recall of a class absent from the test set) should look like.
    /// </summary>
    private sealed class NonFiniteAsNullConverter : System.Text.Json.Serialization.JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
