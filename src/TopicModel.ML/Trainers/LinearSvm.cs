using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// A linear support vector machine fitted by dual coordinate descent (Hsieh et al. 2008, liblinear's
/// L1-loss solver) rather than ML.NET's Pegasos: each step solves one example's dual variable exactly,
/// so there is no step size to tune and the dual objective rises monotonically. The bias is a constant
/// feature, regularized like the weights.
/// </summary>
/// <remarks>
/// Primal: λ/2·‖w̄‖² + Σᵢ sᵢ·max(0, 1 − yᵢ·w̄·x̄ᵢ) / Σs, with w̄ = (w, b), x̄ = (x, 1). Its dual box is
/// 0 ≤ αᵢ ≤ Cᵢ = sᵢ / (λ·Σs), and w̄ = Σᵢ αᵢ·yᵢ·x̄ᵢ.
/// </remarks>
public sealed class LinearSvm : IBinaryLinearLearner
{
    public const string LearnerName = "LinearSvm";

    /// <summary>Stop when the spread of projected gradients over a pass is below this (liblinear's test).</summary>
    private const double Tolerance = 0.01;

    public LinearSvm(LinearSvmOptions? options = null)
    {
        Options = options ?? new LinearSvmOptions();
        if (!(Options.Lambda > 0) || float.IsInfinity(Options.Lambda))
            throw new TopicModelException($"{LearnerName}: Lambda must be a finite number > 0, not {Options.Lambda}");
        if (Options.NumberOfIterations < 1)
            throw new TopicModelException($"{LearnerName}: NumberOfIterations must be ≥ 1, not {Options.NumberOfIterations}");
    }

    public LinearSvmOptions Options { get; }
    public string Name => LearnerName;

    public (float[] Weights, float Bias) Fit(CsrMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights)
    {
        var w = new double[x.ColumnCount];
        double bias = 0, totalWeight = 0;
        foreach (var i in rows) totalWeight += weights[i];
        if (totalWeight <= 0) return (new float[x.ColumnCount], 0f);
        var alpha = new double[x.RowCount];
        var order = rows.ToArray();
        var random = new Random(Options.Seed);
        for (var pass = 0; pass < Options.NumberOfIterations; pass++)
        {
            if (Options.Shuffle) random.Shuffle(order);
            double largest = double.NegativeInfinity, smallest = double.PositiveInfinity;
            foreach (var i in order)
            {
                var upper = weights[i] / (Options.Lambda * totalWeight);
                if (upper == 0) continue;
                var indices = x.RowIndices(i);
                var values = x.RowValues(i);
                var y = positive[i] ? 1 : -1;
                var score = bias;
                for (var n = 0; n < indices.Length; n++) score += values[n] * w[indices[n]];
                var gradient = y * score - 1;
                // The gradient projected on the box [0, upper]: zero when the bound it pushes against is already reached.
                var projected = alpha[i] <= 0 ? Math.Min(gradient, 0) : alpha[i] >= upper ? Math.Max(gradient, 0) : gradient;
                largest = Math.Max(largest, projected);
                smallest = Math.Min(smallest, projected);
                if (projected == 0) continue;
                var curvature = SparseMath.SquaredNorm(values) + 1;
                var next = Math.Clamp(alpha[i] - gradient / curvature, 0, upper);
                var move = (next - alpha[i]) * y;
                alpha[i] = next;
                for (var n = 0; n < indices.Length; n++) w[indices[n]] += move * values[n];
                bias += move;
            }
            if (largest - smallest <= Tolerance) break;
        }
        return (Array.ConvertAll(w, v => (float)v), (float)bias);
    }

    /// <summary>The primal objective this learner minimizes, for the given weights on the given examples.</summary>
    internal static double Objective(
        CsrMatrix x, ReadOnlySpan<int> rows, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights, double lambda, ReadOnlySpan<float> w, float bias)
    {
        double loss = 0, total = 0, squared = (double)bias * bias;
        foreach (var v in w) squared += (double)v * v;
        foreach (var i in rows)
        {
            var score = bias + SparseMath.Dot(x.RowIndices(i), x.RowValues(i), w);
            loss += weights[i] * Math.Max(0, 1 - (positive[i] ? 1 : -1) * score);
            total += weights[i];
        }
        return lambda / 2 * squared + loss / total;
    }
}
