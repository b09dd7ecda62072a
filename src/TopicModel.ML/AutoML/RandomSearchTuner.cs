namespace TopicModel.ML.AutoML;

/// <summary>The baseline every tuner must beat: the default first, then uniform samples of the unit cube, never one twice.</summary>
public sealed class RandomSearchTuner(SearchSpace space, int seed) : ITuner
{
    private readonly Random _random = new(seed);
    private readonly HashSet<string> _proposed = new(StringComparer.Ordinal);

    public string Name => "Random";

    public Configuration? Propose()
    {
        var candidate = _proposed.Count == 0 ? space.Default() : space.Sample(_random);
        // A small space runs out of new points; give up after a while rather than spin.
        for (var attempt = 0; !_proposed.Add(candidate.Key); attempt++)
        {
            if (attempt == 1000) return null;
            candidate = space.Sample(_random);
        }
        return candidate;
    }

    public void Report(Configuration configuration, double score) { }
}
