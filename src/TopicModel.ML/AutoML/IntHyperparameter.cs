using System.Globalization;

namespace TopicModel.ML.AutoML;

/// <summary>An integer in [<paramref name="Min"/>, <paramref name="Max"/>], searched on a log scale when <paramref name="Log"/>.</summary>
public sealed record IntHyperparameter : Hyperparameter
{
    public IntHyperparameter(string Name, int Min, int Max, int Default, bool Log = false) : base(Name)
    {
        if (Min > Max)
            throw new TopicModelException($"hyperparameter '{Name}': needs min <= max, got [{Min}, {Max}]");
        if (Log && Min <= 0)
            throw new TopicModelException($"hyperparameter '{Name}': a log scale needs min > 0, got {Min}");
        if (Default < Min || Default > Max)
            throw new TopicModelException($"hyperparameter '{Name}': default {Default} is outside [{Min}, {Max}]");
        this.Min = Min;
        this.Max = Max;
        this.Log = Log;
        DefaultValue = Default;
    }

    public int Min { get; }
    public int Max { get; }
    public bool Log { get; }
    public int DefaultValue { get; }
    public override object Default => DefaultValue;

    // Each integer k owns the slice [k, k + 1) of the (log) line, so rounding never favours the ends.
    private double Lo => Log ? Math.Log(Min) : Min;
    private double Hi => Log ? Math.Log(Max + 1.0) : Max + 1.0;

    public override object FromUnit(double u)
    {
        var t = Lo + Clamp01(u) * (Hi - Lo);
        return Math.Clamp((int)Math.Floor(Log ? Math.Exp(t) : t), Min, Max);
    }

    public override double ToUnit(object value)
    {
        var k = Convert.ToDouble(value, CultureInfo.InvariantCulture) + 0.5;
        return Clamp01(((Log ? Math.Log(k) : k) - Lo) / (Hi - Lo));
    }

    public override IReadOnlyList<object> Grid(int steps) =>
        Max - Min + 1 <= steps
            ? Enumerable.Range(Min, Max - Min + 1).Cast<object>().ToArray()
            : Enumerable.Range(0, steps).Select(i => FromUnit(i / (double)(steps - 1))).Distinct().ToArray();

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: integer in [{Min}, {Max}]{(Log ? " on a log scale" : "")}, default {DefaultValue}");
}
