namespace TopicModel.ML.Lda;

/// <summary>
/// Seed-word pseudo-counts per word (CSR: word w's entries are <c>Starts[w]..Starts[w+1]</c>), and their total
/// per topic (which enlarges that topic's β normaliser).
/// </summary>
internal sealed class SeedPrior
{
    public SeedPrior(int[] starts, int[] topics, double[] counts, double[] topicMass)
    {
        Starts = starts;
        Topics = topics;
        Counts = counts;
        TopicMass = topicMass;
        for (var w = 0; w + 1 < starts.Length; w++) MaxPerWord = Math.Max(MaxPerWord, starts[w + 1] - starts[w]);
    }

    public int[] Starts { get; }
    public int[] Topics { get; }
    public double[] Counts { get; }
    public double[] TopicMass { get; }
    public int MaxPerWord { get; }

    public static SeedPrior None(int vocabularySize, int topics) => new(new int[vocabularySize + 1], [], [], new double[topics]);

    /// <param name="words">Per topic, the vocabulary ids of its seed words.</param>
    public static SeedPrior Create(int vocabularySize, int topics, IReadOnlyDictionary<int, int[]> words, double countPerWord)
    {
        var perWord = new List<(int Topic, double Count)>[vocabularySize];
        var mass = new double[topics];
        foreach (var (topic, ids) in words.OrderBy(e => e.Key))
        {
            foreach (var w in ids)
            {
                (perWord[w] ??= []).Add((topic, countPerWord));
                mass[topic] += countPerWord;
            }
        }
        var starts = new int[vocabularySize + 1];
        var topicList = new List<int>();
        var counts = new List<double>();
        for (var w = 0; w < vocabularySize; w++)
        {
            foreach (var (t, c) in perWord[w] ?? [])
            {
                topicList.Add(t);
                counts.Add(c);
            }
            starts[w + 1] = topicList.Count;
        }
        return new SeedPrior(starts, [.. topicList], [.. counts], mass);
    }
}
