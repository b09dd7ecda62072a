using System.Text.Json.Serialization;
using TopicModel.ML;

namespace TopicModel.Evaluation.Plotly;

/// <summary>
/// plotly <c>error_x</c>/<c>error_y</c> with explicit per-point lengths (<c>type: "data"</c>):
/// <see cref="Plus"/> above the value, <see cref="Minus"/> below, so intervals may be asymmetric.
/// </summary>
public sealed record ErrorBar
{
    [JsonInclude]
    [JsonPropertyName("type")]
    private string Type => "data";

    [JsonInclude]
    [JsonPropertyName("symmetric")]
    private bool Symmetric => false;

    [JsonPropertyName("array")]
    public required IReadOnlyList<double> Plus { get; init; }

    [JsonPropertyName("arrayminus")]
    public required IReadOnlyList<double> Minus { get; init; }

    [JsonPropertyName("visible")]
    public bool Visible { get; init; } = true;

    [JsonPropertyName("color")]
    public string? Color { get; init; }

    [JsonPropertyName("thickness")]
    public double? Thickness { get; init; }

    /// <summary>Width in pixels of the whisker caps.</summary>
    [JsonPropertyName("width")]
    public double? Width { get; init; }

    /// <summary>
    /// Error bars spanning [lower, upper] around each value. A NaN bound (undefined interval) draws no bar.
    /// </summary>
    /// <exception cref="TopicModelException">lengths differ or a bound lies on the wrong side of its value.</exception>
    public static ErrorBar FromInterval(IReadOnlyList<double> values, IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        if (lower.Count != values.Count || upper.Count != values.Count)
        {
            throw new TopicModelException(
                $"interval bounds must match the values: {values.Count} values, {lower.Count} lower, {upper.Count} upper bounds");
        }
        var plus = new double[values.Count];
        var minus = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            // Tolerance for bounds computed in a different order of floating-point operations than the value.
            const double slack = 1e-12;
            if (lower[i] > values[i] + slack || upper[i] < values[i] - slack)
            {
                throw new TopicModelException(
                    $"interval {i} [{lower[i]}, {upper[i]}] does not contain its value {values[i]}");
            }
            plus[i] = Math.Max(0, upper[i] - values[i]);
            minus[i] = Math.Max(0, values[i] - lower[i]);
        }
        return new ErrorBar { Plus = plus, Minus = minus };
    }
}
