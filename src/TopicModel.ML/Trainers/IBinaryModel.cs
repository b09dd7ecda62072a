using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>A fitted binary classifier of a <see cref="OneVersusAllModel"/>: a score, positive for the class. Immutable.</summary>
public interface IBinaryModel
{
    /// <summary>The score of the example whose non-zeros are <paramref name="indices"/> (increasing) and <paramref name="values"/>.</summary>
    float Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values);

    /// <summary>The example's features that raised the score, strongest first, at most <paramref name="top"/>.</summary>
    IReadOnlyList<FeatureContribution> Explain(SparseVector features, int top);
}
