namespace TopicModel.ML.AutoML;

/// <summary>One of a fixed list of strings (a trainer, an on/off switch). Each option owns an equal slice of [0, 1].</summary>
public sealed record ChoiceHyperparameter : Hyperparameter
{
    public ChoiceHyperparameter(string Name, IReadOnlyList<string> Options, string? Default = null) : base(Name)
    {
        if (Options.Count == 0)
            throw new TopicModelException($"hyperparameter '{Name}': needs at least one option");
        if (Options.Distinct(StringComparer.Ordinal).Count() != Options.Count)
            throw new TopicModelException($"hyperparameter '{Name}': options repeat");
        Default ??= Options[0];
        if (!Options.Contains(Default, StringComparer.Ordinal))
            throw new TopicModelException($"hyperparameter '{Name}': default '{Default}' is not one of [{string.Join(", ", Options)}]");
        this.Options = Options;
        DefaultValue = Default;
    }

    public IReadOnlyList<string> Options { get; }
    public string DefaultValue { get; }
    public override object Default => DefaultValue;

    public override object FromUnit(double u) => Options[Math.Min((int)(Clamp01(u) * Options.Count), Options.Count - 1)];

    public override double ToUnit(object value)
    {
        var i = Options.ToList().IndexOf((string)value);
        if (i < 0) throw new TopicModelException($"hyperparameter '{Name}': '{value}' is not one of [{string.Join(", ", Options)}]");
        return (i + 0.5) / Options.Count;
    }

    public override IReadOnlyList<object> Grid(int steps) => Options.Cast<object>().ToArray();

    // The record's generated text would print the options' list type, not the options (manifests and leaderboards show it).
    public override string ToString() => $"{Name}: one of [{string.Join(", ", Options)}], default {DefaultValue}";
}
