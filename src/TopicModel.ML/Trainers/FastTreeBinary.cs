using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// Boosted trees on the binary log-loss (ML.NET's FastTree binary trainer), for <see cref="OneVersusAll"/>:
/// one tree per iteration fitted to g = σ(z) − y, h = σ(z)(1 − σ(z)), starting from the log-odds of the
/// positive rate. Same histogram algorithm and options as the softmax <see cref="FastTree"/>; with one tree per
/// iteration there is nothing to grow in parallel, so <see cref="FastTreeOptions.NumberOfThreads"/> has no effect.
/// </summary>
public sealed class FastTreeBinary : IBinaryLearner
{
    public const string LearnerName = "FastTree";

    public FastTreeBinary(FastTreeOptions? options = null)
    {
        Options = options ?? new FastTreeOptions();
        FastTree.CheckOptions(Options, LearnerName);
    }

    public FastTreeOptions Options { get; }
    public string Name => LearnerName;

    public IBinaryModel Fit(CsrMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights) =>
        FitModel(x, rows, positive, weights);

    /// <summary>As <see cref="Fit"/>, typed to expose the trees.</summary>
    public FastTreeBinaryModel FitModel(CsrMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights)
    {
        if (positive.Length != x.RowCount || weights.Length != x.RowCount)
            throw new TopicModelException($"{LearnerName}: {x.RowCount} rows but {positive.Length} labels and {weights.Length} weights");
        if (rows.IsEmpty)
            throw new TopicModelException($"{LearnerName}: no rows to train on");
        var objective = new BoostingObjective.Logistic(positive.ToArray(), weights.ToArray(), LearnerName);
        var (initial, trees) = GradientBoosting.Fit(new RowSource(x), rows, x.ColumnCount, objective, Options, LearnerName);
        return new FastTreeBinaryModel(x.ColumnCount, initial[0], trees);
    }
}
