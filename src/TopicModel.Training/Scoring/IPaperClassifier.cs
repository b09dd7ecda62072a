using TopicModel.DataPrep.Papers;

namespace TopicModel.Training.Scoring;

/// <summary>
/// A fitted pipeline that turns a paper into a probability per topic (taxonomy order).
/// Implementations are immutable and safe to call from many threads at once.
/// </summary>
public interface IPaperClassifier
{
    IReadOnlyList<string> Topics { get; }

    void Predict(Paper paper, Span<float> probabilities);
}
