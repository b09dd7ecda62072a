namespace TopicModel.ML.AutoML;

/// <summary>
/// Every point of the space's grid (<paramref name="steps"/> values per numeric dimension, every
/// option of a choice), in a fixed order: the exhaustive reference a budgeted search is checked against.
/// </summary>
public sealed class GridSearchTuner(SearchSpace space, int steps) : ITuner
{
    private readonly IEnumerator<Configuration> _points = space.Grid(steps).GetEnumerator();

    public string Name => "Grid";

    public long Size { get; } = space.GridSize(steps);

    public Configuration? Propose() => _points.MoveNext() ? _points.Current : null;

    public void Report(Configuration configuration, double score) { }
}
