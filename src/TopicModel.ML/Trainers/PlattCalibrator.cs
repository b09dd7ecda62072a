namespace TopicModel.ML.Trainers;

/// <summary>
/// Platt scaling: fits p(positive | score) = σ(slope·score + offset) by maximum likelihood, with the
/// Newton method and backtracking line search of Lin, Lin &amp; Weng (2007), which is robust where Platt's
/// original pseudo-code overflows. Targets are Platt's smoothed ones, (N₊+1)/(N₊+2) and 1/(N₋+2) with
/// example weights as counts, so a separable set of scores does not drive the slope to infinity.
/// </summary>
internal static class PlattCalibrator
{
    private const int MaxIterations = 100;
    private const double MinStep = 1e-10;
    private const double HessianRidge = 1e-12;
    private const double GradientTolerance = 1e-5;

    public static (float Slope, float Offset) Fit(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positive, ReadOnlySpan<float> weights)
    {
        double positives = 0, negatives = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (positive[i]) positives += weights[i];
            else negatives += weights[i];
        }
        var hiTarget = (positives + 1) / (positives + 2);
        var loTarget = 1 / (negatives + 2);
        var targets = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++) targets[i] = positive[i] ? hiTarget : loTarget;

        // Platt's parametrization: p = 1 / (1 + exp(a·score + b)), so slope = −a and offset = −b.
        double a = 0, b = Math.Log((negatives + 1) / (positives + 1));
        var value = Loss(scores, targets, weights, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double h11 = HessianRidge, h22 = HessianRidge, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var z = scores[i] * a + b;
                // p = σ(−z), q = 1 − p, each computed from whichever exponential cannot overflow.
                double p, q;
                if (z >= 0)
                {
                    var e = Math.Exp(-z);
                    p = e / (1 + e);
                    q = 1 / (1 + e);
                }
                else
                {
                    var e = Math.Exp(z);
                    p = 1 / (1 + e);
                    q = e / (1 + e);
                }
                var curvature = weights[i] * p * q;
                h11 += scores[i] * scores[i] * curvature;
                h22 += curvature;
                h21 += scores[i] * curvature;
                var slope = weights[i] * (targets[i] - p);
                g1 += scores[i] * slope;
                g2 += slope;
            }
            if (Math.Abs(g1) < GradientTolerance && Math.Abs(g2) < GradientTolerance) break;

            var det = h11 * h22 - h21 * h21;
            var da = -(h22 * g1 - h21 * g2) / det;
            var db = -(-h21 * g1 + h11 * g2) / det;
            var descent = g1 * da + g2 * db;
            var step = 1.0;
            while (step >= MinStep)
            {
                var next = Loss(scores, targets, weights, a + step * da, b + step * db);
                if (next < value + 1e-4 * step * descent)
                {
                    a += step * da;
                    b += step * db;
                    value = next;
                    break;
                }
                step /= 2;
            }
            if (step < MinStep) break;
        }
        return ((float)-a, (float)-b);
    }

    /// <summary>Weighted cross-entropy of the targets against p = 1 / (1 + exp(a·score + b)), overflow-free.</summary>
    private static double Loss(ReadOnlySpan<float> scores, double[] targets, ReadOnlySpan<float> weights, double a, double b)
    {
        var loss = 0d;
        for (var i = 0; i < scores.Length; i++)
        {
            var z = scores[i] * a + b;
            loss += weights[i] * (z >= 0
                ? targets[i] * z + Math.Log(1 + Math.Exp(-z))
                : (targets[i] - 1) * z + Math.Log(1 + Math.Exp(z)));
        }
        return loss;
    }
}
