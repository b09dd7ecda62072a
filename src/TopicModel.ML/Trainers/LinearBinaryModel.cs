using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>score = weights · x + bias, what an <see cref="IBinaryLinearLearner"/> fits.</summary>
public sealed class LinearBinaryModel(float[] weights, float bias) : IBinaryModel
{
    public ReadOnlySpan<float> Weights => weights;
    public float Bias => bias;

    public float Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values) => bias + SparseMath.Dot(indices, values, weights);

    /// <summary>weight·value, positive ones only: what raised the score.</summary>
    public IReadOnlyList<FeatureContribution> Explain(SparseVector features, int top) => FeatureContributions.Linear(weights, features, top);
}
