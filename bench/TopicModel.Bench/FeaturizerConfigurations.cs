using TopicModel.ML.Text;

namespace TopicModel.Bench;

/// <summary>The featurizer settings the benchmarks compare, by name.</summary>
public static class FeaturizerConfigurations
{
    public static readonly IReadOnlyDictionary<string, TextFeaturizerOptions> All = new Dictionary<string, TextFeaturizerOptions>
    {
        ["hashing-12-tfidf"] = new() { TermSpace = TermSpace.Hashing, HashBits = 18 },
        ["dictionary-12-tfidf"] = new(),
        ["hashing-12-char35-tfidf"] = new() { TermSpace = TermSpace.Hashing, HashBits = 18, CharNgrams = true },
    };
}
