using System.Globalization;

namespace TopicModel.ML.AutoML;

/// <summary>A real number in [<paramref name="Min"/>, <paramref name="Max"/>], searched on a log scale when <paramref name="Log"/>.</summary>
public sealed record FloatHyperparameter : Hyperparameter
{
    public FloatHyperparameter(string Name, double Min, double Max, double Default, bool Log = false) : base(Name)
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || Min > Max)
            throw new TopicModelException($"hyperparameter '{Name}': needs finite min <= max, got [{Min}, {Max}]");
        if (Log && Min <= 0)
            throw new TopicModelException($"hyperparameter '{Name}': a log scale needs min > 0, got {Min}");
        if (!(Default >= Min && Default <= Max))
            throw new TopicModelException($"hyperparameter '{Name}': default {Default} is outside [{Min}, {Max}]");
        this.Min = Min;
        this.Max = Max;
        this.Log = Log;
        DefaultValue = Default;
    }

    public double Min { get; }
    public double Max { get; }
    public bool Log { get; }
    public double DefaultValue { get; }
    public override object Default => DefaultValue;

    public override object FromUnit(double u)
    {
        u = Clamp01(u);
        if (Min == Max) return Min;
        var x = Log ? Math.Exp(Math.Log(Min) + u * (Math.Log(Max) - Math.Log(Min))) : Min + u * (Max - Min);
        // Four significant digits: configurations print and compare cleanly, and nothing finer matters.
        return Math.Clamp(double.Parse(x.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), Min, Max);
    }

    public override double ToUnit(object value)
    {
        var x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (Min == Max) return 0;
        return Clamp01(Log ? (Math.Log(x) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min)) : (x - Min) / (Max - Min));
    }

    public override IReadOnlyList<object> Grid(int steps) =>
        Min == Max || steps < 2 ? [DefaultValue] : Enumerable.Range(0, steps).Select(i => FromUnit(i / (double)(steps - 1))).Distinct().ToArray();

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: real in [{Min:G4}, {Max:G4}]{(Log ? " on a log scale" : "")}, default {DefaultValue:G4}");
}
