using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// A binary classifier <see cref="OneVersusAll"/> fits once per class (that class against all others): linear
/// ones (<see cref="IBinaryLinearLearner"/>) or boosted trees (<see cref="FastTreeBinary"/>). Holds only its
/// options, like every estimator here.
/// </summary>
public interface IBinaryLearner
{
    /// <summary>ML.NET's name for the learner, e.g. "LinearSvm".</summary>
    string Name { get; }

    /// <summary>
    /// Fits on the examples listed in <paramref name="rows"/> of <paramref name="x"/> (so cross-validation
    /// folds need no copy of the data). <paramref name="positive"/> and <paramref name="weights"/> are indexed
    /// by example, like the rows of <paramref name="x"/>.
    /// </summary>
    IBinaryModel Fit(CsrMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights);
}
