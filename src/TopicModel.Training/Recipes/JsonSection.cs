using System.Text.Json;
using TopicModel.ML;

namespace TopicModel.Training.Recipes;

/// <summary>
/// A JSON object read with its path in mind: every error names the JSON path and what was expected,
/// and properties nobody asked for are reported (a misspelled option must not be silently ignored).
/// </summary>
internal sealed class JsonSection
{
    private readonly JsonElement _element;
    private readonly string _file;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public JsonSection(JsonElement element, string path, string file)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new TopicModelException($"{path}: expected an object, found {Describe(element)}", file);
        _element = element;
        Path = path;
        _file = file;
    }

    public string Path { get; }

    public JsonElement Element => _element;

    public bool Has(string name)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;
    }

    public string String(string name, string fallback) => TryGet(name, JsonValueKind.String, "a string", out var v) ? v.GetString()! : fallback;

    public string? OptionalString(string name) => TryGet(name, JsonValueKind.String, "a string", out var v) ? v.GetString() : null;

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!TryGet(name, JsonValueKind.Number, "an integer", out var v)) return fallback;
        if (!v.TryGetInt32(out var i)) throw Error(name, $"expected an integer, found {v.GetRawText()}");
        if (i < min || i > max) throw Error(name, $"expected an integer from {min} to {max}, found {i}");
        return i;
    }

    public double Double(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!TryGet(name, JsonValueKind.Number, "a number", out var v)) return fallback;
        var d = v.GetDouble();
        if (d < min || d > max) throw Error(name, $"expected a number from {min} to {max}, found {d}");
        return d;
    }

    public bool Bool(string name, bool fallback)
    {
        _read.Add(name);
        if (!_element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return fallback;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(name, $"expected true or false, found {Describe(v)}"),
        };
    }

    /// <summary>One of a fixed set of words (case-insensitive), returned as spelled in <paramref name="allowed"/>.</summary>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = OptionalString(name);
        if (value is null) return fallback;
        foreach (var a in allowed)
        {
            if (string.Equals(a, value, StringComparison.OrdinalIgnoreCase)) return a;
        }
        throw Error(name, $"expected one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}, found \"{value}\"");
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!TryGet(name, JsonValueKind.Array, "an array of strings", out var v)) return [];
        var list = new List<string>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                throw new TopicModelException($"{Path}.{name}[{i}]: expected a non-empty string, found {Describe(item)}", _file);
            list.Add(item.GetString()!);
            i++;
        }
        return list;
    }

    public JsonSection? Section(string name) =>
        TryGet(name, JsonValueKind.Object, "an object", out var v) ? new JsonSection(v, $"{Path}.{name}", _file) : null;

    /// <summary>Fails on any property that was never asked for, suggesting the closest known name.</summary>
    public void RejectUnknown(params string[] alsoAllowed)
    {
        foreach (var p in _element.EnumerateObject())
        {
            if (_read.Contains(p.Name) || alsoAllowed.Contains(p.Name)) continue;
            var closest = _read.Concat(alsoAllowed).OrderBy(k => Distance(k, p.Name)).FirstOrDefault();
            var hint = closest is not null && Distance(closest, p.Name) <= 3 ? $" (did you mean \"{closest}\"?)" : "";
            throw new TopicModelException($"{Path}.{p.Name}: unknown setting{hint}; known: {string.Join(", ", _read.Order(StringComparer.Ordinal))}", _file);
        }
    }

    public TopicModelException Error(string name, string problem) => new($"{Path}.{name}: {problem}", _file);

    private bool TryGet(string name, JsonValueKind kind, string expected, out JsonElement value)
    {
        _read.Add(name);
        if (!_element.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null) return false;
        if (value.ValueKind != kind) throw Error(name, $"expected {expected}, found {Describe(value)}");
        return true;
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{e.GetString()}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => $"{e.GetRawText()}",
        _ => "null",
    };

    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
