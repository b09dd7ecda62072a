using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// A binary linear classifier <see cref="OneVersusAll"/> fits once per class: score = weights · x + bias,
/// positive for the class. Holds only its options, like every estimator here.
/// </summary>
public interface IBinaryLinearLearner : IBinaryLearner
{
    /// <summary>As <see cref="IBinaryLearner.Fit"/>, returning the weights and bias themselves.</summary>
    new (float[] Weights, float Bias) Fit(CsrMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights);

    IBinaryModel IBinaryLearner.Fit(CsrMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights)
    {
        var (w, b) = Fit(x, rows, positive, weights);
        return new LinearBinaryModel(w, b);
    }
}
