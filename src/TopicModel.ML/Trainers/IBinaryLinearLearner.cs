using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// A binary linear classifier <see cref="OneVersusAll"/> fits once per class: score = weights · x + bias,
/// positive for the class. Holds only its options, like every estimator here.
/// </summary>
public interface IBinaryLinearLearner
{
    /// <summary>ML.NET's name for the learner, e.g. "LinearSvm".</summary>
    string Name { get; }

    /// <summary>
    /// Fits on the examples listed in <paramref name="rows"/> of <paramref name="x"/> (so cross-validation
    /// folds need no copy of the data). <paramref name="positive"/> and <paramref name="weights"/> are indexed
    /// by example, like the rows of <paramref name="x"/>.
    /// </summary>
    (float[] Weights, float Bias) Fit(CsrMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights);
}
