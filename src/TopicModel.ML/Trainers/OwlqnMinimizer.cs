using System.Numerics.Tensors;

namespace TopicModel.ML.Trainers;

/// <summary>
/// Limited-memory BFGS with the orthant-wise extension for an L1 penalty (OWL-QN, Andrew &amp; Gao 2007):
/// minimizes f(x) + l1·Σ_{i &lt; penalizedCount} |xᵢ| for a smooth f. With l1 = 0 it is plain L-BFGS with a
/// backtracking Armijo line search.
/// </summary>
internal static class OwlqnMinimizer
{
    private const double ArmijoFraction = 1e-4;
    private const int MaxBacktracks = 60;
    // Convergence looks at the objective's mean relative decrease over this many iterations, so one
    // small step on a plateau does not stop the search.
    private const int ImprovementWindow = 5;

    public sealed record Result(double[] Parameters, double Objective, int Iterations);

    public static Result Minimize(
        SoftmaxObjective objective, double[] start, double l1, int historySize, double tolerance, int maxIterations,
        CancellationToken cancellation = default)
    {
        var n = objective.Dimension;
        var penalizedCount = objective.WeightCount;
        var x = (double[])start.Clone();
        var g = new double[n];
        var value = objective.ValueAndGradient(x, g) + l1 * TensorPrimitives.SumOfMagnitudes<double>(x.AsSpan(0, penalizedCount));
        var pg = new double[n];
        var direction = new double[n];
        var xNext = new double[n];
        var gNext = new double[n];
        var s = new double[historySize][];
        var y = new double[historySize][];
        var rho = new double[historySize];
        var alphas = new double[historySize];
        var stored = 0;
        var newest = -1;
        var history = new Queue<double>();
        history.Enqueue(value);

        var iteration = 0;
        while (iteration < maxIterations)
        {
            cancellation.ThrowIfCancellationRequested();
            PseudoGradient(x, g, l1, penalizedCount, pg);
            var pgNorm = Math.Sqrt(TensorPrimitives.Dot<double>(pg, pg));
            if (pgNorm == 0 || !double.IsFinite(pgNorm)) break;

            TwoLoop(pg, s, y, rho, alphas, stored, newest, direction);
            if (l1 > 0)
            {
                // A quasi-Newton step may not leave the orthant the pseudo-gradient points into.
                for (var i = 0; i < n; i++)
                {
                    if (direction[i] * pg[i] >= 0) direction[i] = 0;
                }
            }
            var slope = TensorPrimitives.Dot<double>(direction, pg);
            if (!(slope < 0))
            {
                // Curvature pairs gave no descent direction: forget them and take steepest descent.
                stored = 0;
                newest = -1;
                TensorPrimitives.Negate<double>(pg, direction);
                slope = -pgNorm * pgNorm;
            }

            var step = iteration == 0 && stored == 0 ? 1 / pgNorm : 1d;
            var accepted = false;
            var valueNext = 0d;
            for (var attempt = 0; attempt < MaxBacktracks; attempt++)
            {
                TensorPrimitives.MultiplyAdd<double>(direction, step, x, xNext);
                if (l1 > 0) ProjectOntoOrthant(x, pg, xNext, penalizedCount);
                valueNext = objective.ValueAndGradient(xNext, gNext) + l1 * TensorPrimitives.SumOfMagnitudes<double>(xNext.AsSpan(0, penalizedCount));
                var predicted = 0d;
                for (var i = 0; i < n; i++) predicted += pg[i] * (xNext[i] - x[i]);
                if (double.IsFinite(valueNext) && valueNext <= value + ArmijoFraction * predicted)
                {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) break;
            iteration++;

            newest = (newest + 1) % historySize;
            s[newest] ??= new double[n];
            y[newest] ??= new double[n];
            TensorPrimitives.Subtract<double>(xNext, x, s[newest]);
            TensorPrimitives.Subtract<double>(gNext, g, y[newest]);
            var sy = TensorPrimitives.Dot<double>(s[newest], y[newest]);
            if (sy > 1e-12 * Math.Sqrt(TensorPrimitives.Dot<double>(s[newest], s[newest]) * TensorPrimitives.Dot<double>(y[newest], y[newest])))
            {
                rho[newest] = 1 / sy;
                stored = Math.Min(stored + 1, historySize);
            }
            else
            {
                // Non-positive curvature would break the BFGS update; drop the pair (and the oldest one,
                // whose slot it overwrote when the history was full).
                newest = (newest - 1 + historySize) % historySize;
                if (stored == historySize) stored--;
            }

            (x, xNext) = (xNext, x);
            (g, gNext) = (gNext, g);
            value = valueNext;

            history.Enqueue(value);
            if (history.Count > ImprovementWindow + 1) history.Dequeue();
            if (history.Count > ImprovementWindow)
            {
                var meanImprovement = (history.Peek() - value) / ImprovementWindow;
                if (meanImprovement <= tolerance * Math.Max(Math.Abs(value), 1e-12)) break;
            }
        }
        return new Result(x, value, iteration);
    }

    /// <summary>
    /// The steepest-descent direction of f + l1·|x| negated: at xᵢ = 0 it is the one-sided derivative that
    /// points downhill, or 0 when neither side does.
    /// </summary>
    private static void PseudoGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> g, double l1, int penalizedCount, Span<double> pg)
    {
        g.CopyTo(pg);
        if (l1 == 0) return;
        for (var i = 0; i < penalizedCount; i++)
        {
            if (x[i] > 0) pg[i] = g[i] + l1;
            else if (x[i] < 0) pg[i] = g[i] - l1;
            else if (g[i] + l1 < 0) pg[i] = g[i] + l1;
            else if (g[i] - l1 > 0) pg[i] = g[i] - l1;
            else pg[i] = 0;
        }
    }

    /// <summary>Zeroes coordinates that crossed out of the orthant chosen at the start of the line search.</summary>
    private static void ProjectOntoOrthant(ReadOnlySpan<double> x, ReadOnlySpan<double> pg, Span<double> xNext, int penalizedCount)
    {
        for (var i = 0; i < penalizedCount; i++)
        {
            var orthant = x[i] != 0 ? Math.Sign(x[i]) : -Math.Sign(pg[i]);
            if (Math.Sign(xNext[i]) != orthant) xNext[i] = 0;
        }
    }

    /// <summary>direction = −H·gradient, H the L-BFGS inverse-Hessian approximation from the stored pairs.</summary>
    private static void TwoLoop(
        ReadOnlySpan<double> gradient, double[][] s, double[][] y, double[] rho, double[] alphas, int stored, int newest, Span<double> direction)
    {
        var m = s.Length;
        gradient.CopyTo(direction);
        for (var j = 0; j < stored; j++)
        {
            var i = (newest - j + m) % m;
            alphas[i] = rho[i] * TensorPrimitives.Dot<double>(s[i], direction);
            TensorPrimitives.MultiplyAdd<double>(y[i], -alphas[i], direction, direction);
        }
        if (stored > 0)
        {
            var yy = TensorPrimitives.Dot<double>(y[newest], y[newest]);
            TensorPrimitives.Multiply(direction, 1 / (rho[newest] * yy), direction);
        }
        for (var j = stored - 1; j >= 0; j--)
        {
            var i = (newest - j + m) % m;
            var beta = rho[i] * TensorPrimitives.Dot<double>(y[i], direction);
            TensorPrimitives.MultiplyAdd<double>(s[i], alphas[i] - beta, direction, direction);
        }
        TensorPrimitives.Negate(direction, direction);
    }
}
