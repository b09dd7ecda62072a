using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Preparation;
using TopicModel.ML;
using TopicModel.Training.Scoring;

namespace TopicModel.Evaluation.Harness;

/// <summary>
/// The weak labeler (labeling functions + label model) as a classifier, so it can be evaluated and compared like a
/// model: each prepared paper's label-model probabilities with the topic it chose ranked first. It knows only the
/// papers data prep labeled; any other paper is an error. A paper no function voted on and no fallback topic labeled
/// gets uniform probabilities (the labeler abstained).
/// </summary>
public sealed class WeakLabelClassifier : IPaperClassifier
{
    public const string Name = "weak labeler (rules)";

    private readonly Dictionary<string, float[]> _probabilities = new(StringComparer.Ordinal);

    public WeakLabelClassifier(PreparedData data)
    {
        Topics = data.Taxonomy.Ids;
        foreach (var p in data.Papers)
        {
            _probabilities.TryAdd(p.Paper.Id, p.Weak is { } weak
                ? weak.RankedProbabilities(data.Taxonomy.IndexOf(weak.Topic))
                : Enumerable.Repeat(1f / Topics.Count, Topics.Count).ToArray());
        }
    }

    public IReadOnlyList<string> Topics { get; }

    public void Predict(Paper paper, Span<float> probabilities)
    {
        if (!_probabilities.TryGetValue(paper.Id, out var p))
            throw new TopicModelException($"paper {paper.Id} ('{paper.Title}') has no weak label: the weak labeler scores only prepared papers");
        p.CopyTo(probabilities);
    }
}
