using System.Globalization;
using System.Text;

namespace TopicModel.ML.AutoML;

/// <summary>
/// One point of a <see cref="SearchSpace"/>: a value per hyperparameter, ordered by name. Values are
/// doubles, ints or strings. Immutable; <see cref="Key"/> identifies it, so a tuner never pays twice
/// for the same point.
/// </summary>
public sealed class Configuration
{
    private readonly SortedDictionary<string, object> _values;

    public Configuration(IEnumerable<KeyValuePair<string, object>> values)
    {
        _values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (value is not (double or int or string))
                throw new TopicModelException($"configuration value '{name}' must be a number or a string, got {value?.GetType().Name ?? "null"}");
            _values[name] = value;
        }
        Key = Format(_values);
    }

    public IReadOnlyDictionary<string, object> Values => _values;

    /// <summary>"name=value; ..." in name order: stable across runs, used for de-duplication and display.</summary>
    public string Key { get; }

    public bool Has(string name) => _values.ContainsKey(name);

    public double Double(string name) => Convert.ToDouble(Get(name), CultureInfo.InvariantCulture);

    public int Int(string name) => Convert.ToInt32(Get(name), CultureInfo.InvariantCulture);

    public string String(string name) => Get(name) as string ?? throw new TopicModelException($"configuration value '{name}' is not a choice");

    /// <summary>A copy with some values replaced or added.</summary>
    public Configuration With(IEnumerable<KeyValuePair<string, object>> overrides) =>
        new(_values.Concat(overrides).GroupBy(kv => kv.Key).Select(g => g.Last()));

    public override string ToString() => Key;

    private object Get(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw new TopicModelException($"configuration has no value for '{name}'");

    private static string Format(SortedDictionary<string, object> values)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in values)
        {
            if (sb.Length > 0) sb.Append("; ");
            sb.Append(name).Append('=').Append(value switch
            {
                double d => d.ToString("G6", CultureInfo.InvariantCulture),
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => value,
            });
        }
        return sb.ToString();
    }
}
