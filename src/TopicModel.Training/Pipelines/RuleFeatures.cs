using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Taxonomies;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// The taxonomy's keyword rules as features for a classifier. Per labeling function, ln(1 + keyword
/// hits); per topic, the share of the weighted vote it gets (the majority-vote label model's view).
/// A classifier that sees these learns from labeled papers how far to trust each rule, instead of
/// either copying the rules or ignoring them. Immutable and thread-safe; needs no fitting.
/// </summary>
public sealed class RuleFeatures
{
    public RuleFeatures(Taxonomy taxonomy, LabelingOptions options)
    {
        Functions = LabelingFunctionSet.FromTaxonomy(taxonomy, options);
        TopicCount = taxonomy.Topics.Count;
    }

    public LabelingFunctionSet Functions { get; }
    public int TopicCount { get; }

    public int Dimension => Functions.Functions.Count + TopicCount;

    public string FeatureName(int index) => index < Functions.Functions.Count
        ? $"rule:{Functions.Functions[index].Name}"
        : $"rule-vote:{Functions.Taxonomy.Ids[index - Functions.Functions.Count]}";

    /// <summary>Writes the <see cref="Dimension"/> features of a paper; returns false when no rule fired (all zero).</summary>
    public bool Write(Paper paper, Span<float> features)
    {
        Span<int> hits = stackalloc int[Functions.Functions.Count];
        Functions.CountHits(paper, hits);
        return Write(hits, features);
    }

    /// <summary>The features from each function's keyword hits (as <see cref="LabelingFunctionSet.CountHits(Paper, Span{int})"/> counts them).</summary>
    public bool Write(ReadOnlySpan<int> hits, Span<float> features)
    {
        var functions = Functions.Functions;
        features.Clear();
        var votes = features[functions.Count..];
        var total = 0f;
        for (var j = 0; j < functions.Count; j++)
        {
            if (hits[j] < Functions.Options.MinKeywordHits) continue;
            features[j] = MathF.Log(1 + hits[j]);
            var weight = (float)functions[j].Weight * hits[j];
            votes[functions[j].TopicIndex] += weight;
            total += weight;
        }
        if (total == 0) return false;
        for (var c = 0; c < votes.Length; c++) votes[c] /= total;
        return true;
    }

    /// <summary>
    /// The rules' own probability per topic: the vote shares, or uniform when no rule fired (no
    /// evidence is not evidence for the fallback topic when blended with a classifier).
    /// </summary>
    public void VoteDistribution(Paper paper, Span<float> probabilities)
    {
        Span<float> features = stackalloc float[Dimension];
        if (Write(paper, features)) features[Functions.Functions.Count..].CopyTo(probabilities);
        else probabilities.Fill(1f / TopicCount);
    }
}
