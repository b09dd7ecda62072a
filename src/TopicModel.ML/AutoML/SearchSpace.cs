namespace TopicModel.ML.AutoML;

/// <summary>The hyperparameters a search may vary, each with its range and its low-cost default.</summary>
public sealed class SearchSpace
{
    public SearchSpace(IEnumerable<Hyperparameter> dimensions)
    {
        Dimensions = dimensions.ToArray();
        var repeated = Dimensions.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new TopicModelException($"search space names hyperparameter '{repeated.Key}' twice");
    }

    public IReadOnlyList<Hyperparameter> Dimensions { get; }

    /// <summary>Dimensions that can actually vary (a fixed value is not a direction to search in).</summary>
    public IReadOnlyList<Hyperparameter> Free => Dimensions.Where(d => d.Grid(3).Count > 1).ToArray();

    public Configuration Default() => new(Dimensions.Select(d => new KeyValuePair<string, object>(d.Name, d.Default)));

    public Configuration FromUnit(ReadOnlySpan<double> point)
    {
        var free = Free;
        if (point.Length != free.Count) throw new ArgumentException($"expected {free.Count} coordinates, got {point.Length}");
        var values = Default().Values.ToDictionary();
        for (var i = 0; i < free.Count; i++) values[free[i].Name] = free[i].FromUnit(point[i]);
        return new Configuration(values);
    }

    public double[] ToUnit(Configuration configuration) =>
        Free.Select(d => d.ToUnit(configuration.Values[d.Name])).ToArray();

    public Configuration Sample(Random random)
    {
        var point = new double[Free.Count];
        for (var i = 0; i < point.Length; i++) point[i] = random.NextDouble();
        return FromUnit(point);
    }

    /// <summary>Every combination of each dimension's <see cref="Hyperparameter.Grid"/> values, in a fixed order.</summary>
    public IEnumerable<Configuration> Grid(int steps)
    {
        IEnumerable<IEnumerable<KeyValuePair<string, object>>> combos = [[]];
        foreach (var d in Dimensions)
        {
            var values = d.Grid(steps);
            combos = combos.SelectMany(c => values.Select(v => c.Append(new KeyValuePair<string, object>(d.Name, v))));
        }
        return combos.Select(c => new Configuration(c));
    }

    public long GridSize(int steps) => Dimensions.Aggregate(1L, (n, d) => n * d.Grid(steps).Count);
}
