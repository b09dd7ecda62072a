namespace TopicModel.ML.Tests.Lda;

/// <summary>
/// Documents generated from known topics: topic t owns the words "t{t}w0".."t{t}w{n-1}"; a document mixes
/// mostly one topic with a little of another, so the LDA has real structure to find.
/// </summary>
public static class GeneratedTopics
{
    public static string Word(int topic, int index) => $"t{topic}w{index}";

    public static IReadOnlyList<string> Words(int topic, int wordsPerTopic) =>
        Enumerable.Range(0, wordsPerTopic).Select(i => Word(topic, i)).ToArray();

    /// <returns>Documents and, for each, its dominant topic.</returns>
    public static (List<IReadOnlyList<string>> Documents, int[] Dominant) Create(
        int documents, int topics, int wordsPerTopic, int length, int seed, double dominantShare = 0.85)
    {
        var random = new Random(seed);
        var docs = new List<IReadOnlyList<string>>(documents);
        var dominant = new int[documents];
        for (var d = 0; d < documents; d++)
        {
            var main = dominant[d] = random.Next(topics);
            var other = (main + 1 + random.Next(topics - 1)) % topics;
            var tokens = new string[length];
            for (var i = 0; i < length; i++)
            {
                var t = random.NextDouble() < dominantShare ? main : other;
                // Zipf-like word choice within a topic, as in real text.
                var w = (int)(wordsPerTopic * Math.Pow(random.NextDouble(), 2));
                tokens[i] = Word(t, w);
            }
            docs.Add(tokens);
        }
        return (docs, dominant);
    }
}
