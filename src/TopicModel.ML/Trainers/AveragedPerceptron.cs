using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// The averaged perceptron (Freund &amp; Schapire) as ML.NET trains it by default: an update whenever the
/// hinge loss is positive (y·score &lt; 1), not only on mistakes, so examples are pushed to a margin; the
/// returned weights are the average over every example visited, which generalizes far better than the
/// last ones. The average is kept in O(nnz) per update with Daumé's trick: avg = w − u/c, where u
/// accumulates each update times the step counter c.
/// </summary>
public sealed class AveragedPerceptron : IBinaryLinearLearner
{
    public const string LearnerName = "AveragedPerceptron";

    public AveragedPerceptron(AveragedPerceptronOptions? options = null)
    {
        Options = options ?? new AveragedPerceptronOptions();
        if (!(Options.LearningRate > 0) || float.IsInfinity(Options.LearningRate))
            throw new TopicModelException($"{LearnerName}: LearningRate must be a finite number > 0, not {Options.LearningRate}");
        if (Options.NumberOfIterations < 1)
            throw new TopicModelException($"{LearnerName}: NumberOfIterations must be ≥ 1, not {Options.NumberOfIterations}");
    }

    public AveragedPerceptronOptions Options { get; }
    public string Name => LearnerName;

    public (float[] Weights, float Bias) Fit(CsrMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights)
    {
        var w = new double[x.ColumnCount];
        var u = new double[x.ColumnCount];
        double bias = 0, biasU = 0, step = 1;
        var order = rows.ToArray();
        var random = new Random(Options.Seed);
        for (var pass = 0; pass < Options.NumberOfIterations; pass++)
        {
            if (Options.Shuffle) random.Shuffle(order);
            foreach (var i in order)
            {
                var indices = x.RowIndices(i);
                var values = x.RowValues(i);
                var y = positive[i] ? 1 : -1;
                var score = bias;
                for (var n = 0; n < indices.Length; n++) score += values[n] * w[indices[n]];
                if (y * score < 1 && weights[i] > 0)
                {
                    var update = Options.LearningRate * weights[i] * y;
                    for (var n = 0; n < indices.Length; n++)
                    {
                        w[indices[n]] += update * values[n];
                        u[indices[n]] += step * update * values[n];
                    }
                    bias += update;
                    biasU += step * update;
                }
                step++;
            }
        }
        var averaged = new float[w.Length];
        for (var j = 0; j < w.Length; j++) averaged[j] = (float)(w[j] - u[j] / step);
        return (averaged, (float)(bias - biasU / step));
    }
}
