using TopicModel.DataPrep.Labeling;

namespace TopicModel.Evaluation.Harness;

/// <summary>A paper the model got wrong: what it should have said, what it said, and why.</summary>
/// <param name="Probability">The model's probability of the predicted topic.</param>
/// <param name="TrueTopicProbability">The model's probability of the true topic.</param>
/// <param name="Terms">Terms that pushed the paper toward the predicted topic, strongest first (empty when the model cannot explain).</param>
public sealed record MisclassifiedPaper(
    string Id,
    string Title,
    string Digest,
    string TrueTopic,
    string PredictedTopic,
    double Probability,
    double TrueTopicProbability,
    LabelSource LabelSource,
    IReadOnlyList<TermContribution> Terms);
