namespace TopicModel.ML.AutoML;

/// <summary>
/// One dimension of a <see cref="SearchSpace"/>. Tuners work in a unit cube: every hyperparameter maps
/// its values to [0, 1] and back, so one step size means the same for a learning rate on a log scale
/// and for a choice among trainers.
/// </summary>
/// <param name="Name">The key in a <see cref="Configuration"/>, e.g. "trainer" or "sdca.l2".</param>
public abstract record Hyperparameter(string Name)
{
    /// <summary>The starting value: the cheapest reasonable setting, where cost-frugal search begins.</summary>
    public abstract object Default { get; }

    /// <summary>The value at a point of [0, 1] (clamped).</summary>
    public abstract object FromUnit(double u);

    /// <summary>Where a value lies in [0, 1]; the inverse of <see cref="FromUnit"/> up to rounding.</summary>
    public abstract double ToUnit(object value);

    /// <summary>Finite values to enumerate for an exhaustive (grid) search.</summary>
    public abstract IReadOnlyList<object> Grid(int steps);

    protected static double Clamp01(double u) => double.IsNaN(u) ? 0 : Math.Clamp(u, 0, 1);
}
