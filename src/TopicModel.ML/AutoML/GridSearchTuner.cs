namespace TopicModel.ML.AutoML;

/// <summary>
/// Every point of the space's grid (<paramref name="steps"/> values per numeric dimension, every
/// option of a choice), in a fixed order: the exhaustive reference a budgeted search is checked against.
/// With <paramref name="canonical"/>, points that train the same pipeline as an earlier one are skipped
/// here, so a grid over dimensions that only some pipelines use is not mostly repeats.
/// </summary>
public sealed class GridSearchTuner(SearchSpace space, int steps, Func<Configuration, Configuration>? canonical = null) : ITuner
{
    private readonly IEnumerator<Configuration> _points = Distinct(space.Grid(steps), canonical).GetEnumerator();

    private static IEnumerable<Configuration> Distinct(IEnumerable<Configuration> points, Func<Configuration, Configuration>? canonical)
    {
        if (canonical is null) return points;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return points.Select(canonical).Where(c => seen.Add(c.Key));
    }

    public string Name => "Grid";

    public long Size { get; } = space.GridSize(steps);

    public Configuration? Propose() => _points.MoveNext() ? _points.Current : null;

    public void Report(Configuration configuration, double score) { }
}
