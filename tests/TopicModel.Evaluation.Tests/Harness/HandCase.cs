using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.Evaluation.Harness;
using TopicModel.Training.Scoring;

namespace TopicModel.Evaluation.Tests.Harness;

/// <summary>
/// Four papers, four topics, probabilities that are exact binary fractions so every metric can be worked out by
/// hand: "c" is predicted once but never true (no support), "d" is true once but never predicted.
/// <code>
/// paper  true  probabilities (a, b, c, d)        predicted  rank of true
/// p1     a     .75   .125  .0625  .0625          a          0
/// p2     a     .125  .25   .5     .125           c          2 (ties rank the lower index first)
/// p3     b     .0625 .875  .03125 .03125         b          0
/// p4     d     .125  .5    .125   .25            b          1
/// </code>
/// p2 is reviewed with secondary topic c, so the primary-or-secondary hit rate is 3/4.
/// </summary>
internal static class HandCase
{
    public static Taxonomy Taxonomy { get; } = new("hand", 1,
        [new("a", "Topic A", "", []), new("b", "Topic B", "", []), new("c", "Topic C", "", []), new("d", "Topic D", "", [])]);

    public static readonly (string Title, string Topic, string[] Secondary, float[] Probabilities)[] Rows =
    [
        ("Paper one about alpha", "a", [], [0.75f, 0.125f, 0.0625f, 0.0625f]),
        ("Paper two about alpha", "a", ["c"], [0.125f, 0.25f, 0.5f, 0.125f]),
        ("Paper three about beta", "b", [], [0.0625f, 0.875f, 0.03125f, 0.03125f]),
        ("Paper four about delta", "d", [], [0.125f, 0.5f, 0.125f, 0.25f]),
    ];

    public static IReadOnlyList<EvaluationPaper> Papers { get; } = Rows.Select((r, i) => new EvaluationPaper(
        Paper(r.Title, $"Abstract number {i} with its own distinct words {r.Title}."), r.Topic, r.Secondary, LabelSource.Reviewed)).ToArray();

    public static Paper Paper(string title, string abstractText, string digest = "hand") =>
        new(PaperId.FromTitle(title), title, abstractText, digest, null, null, 1);

    public static FixedClassifier Classifier { get; } = new(Taxonomy.Ids, Rows.ToDictionary(r => PaperId.FromTitle(r.Title), r => r.Probabilities));

    public static EvaluationResult Evaluate(EvaluationOptions? options = null, IReadOnlyList<EvaluationPaper>? training = null) =>
        Evaluator.Evaluate("hand-model", Classifier, Taxonomy, Papers, training ?? [], options ?? EvaluationOptions.Default(seed: 7));

    /// <summary>Returns fixed probabilities per paper id.</summary>
    public sealed class FixedClassifier(IReadOnlyList<string> topics, IReadOnlyDictionary<string, float[]> rows) : IPaperClassifier
    {
        public IReadOnlyList<string> Topics { get; } = topics;

        public void Predict(Paper paper, Span<float> probabilities) => rows[paper.Id].CopyTo(probabilities);
    }
}
