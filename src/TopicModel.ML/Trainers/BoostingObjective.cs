namespace TopicModel.ML.Trainers;

/// <summary>
/// The loss <see cref="GradientBoosting"/> minimizes: how many score columns it boosts (one tree per column
/// per iteration), where they start, and the per-row gradients and hessians of the loss in them. Rows are
/// example indices of the caller's data; labels and weights are indexed the same way.
/// </summary>
internal abstract class BoostingObjective
{
    public abstract int Outputs { get; }

    /// <summary>The constant scores every row starts from, fitted on the training rows.</summary>
    public abstract float[] InitialScores(ReadOnlySpan<int> train);

    /// <summary>g[column][i] and h[column][i] for training row train[i], from its scores scores[i·Outputs ..].</summary>
    public abstract void Gradients(ReadOnlySpan<int> train, float[] scores, float[][] g, float[][] h);

    /// <summary>The weighted loss of one example at the given scores (for early stopping).</summary>
    public abstract double Loss(int example, ReadOnlySpan<float> scores);

    /// <summary>
    /// Softmax log-loss over K classes: g = w·(p − y), h = w·p(1 − p) per class (the diagonal of the Hessian;
    /// XGBoost's multi:softprob uses 2p(1 − p), which halves its leaf steps); classes start at the log of their
    /// weighted training frequency.
    /// </summary>
    public sealed class Softmax(int[] labels, float[]? weights, int classes, string trainer) : BoostingObjective
    {
        public override int Outputs => classes;

        public override float[] InitialScores(ReadOnlySpan<int> train)
        {
            var classWeight = new double[classes];
            foreach (var i in train) classWeight[labels[i]] += weights?[i] ?? 1f;
            var total = classWeight.Sum();
            if (total <= 0)
                throw new TopicModelException($"{trainer}: the examples left for training after the validation split all have weight zero");
            var prior = new float[classes];
            for (var k = 0; k < classes; k++) prior[k] = (float)Math.Log(Math.Max(classWeight[k] / total, 1e-6));
            return prior;
        }

        public override void Gradients(ReadOnlySpan<int> train, float[] scores, float[][] g, float[][] h)
        {
            Span<float> p = classes <= 256 ? stackalloc float[classes] : new float[classes];
            for (var r = 0; r < train.Length; r++)
            {
                scores.AsSpan(r * classes, classes).CopyTo(p);
                MaximumEntropyModel.Softmax(p);
                var w = weights?[train[r]] ?? 1f;
                var y = labels[train[r]];
                for (var k = 0; k < classes; k++)
                {
                    var pk = p[k];
                    g[k][r] = w * (pk - (y == k ? 1f : 0f));
                    h[k][r] = w * Math.Max(pk * (1f - pk), 1e-6f);
                }
            }
        }

        public override double Loss(int example, ReadOnlySpan<float> scores)
        {
            Span<float> p = classes <= 256 ? stackalloc float[classes] : new float[classes];
            scores.CopyTo(p);
            MaximumEntropyModel.Softmax(p);
            return (weights?[example] ?? 1f) * -Math.Log(Math.Max(p[labels[example]], 1e-15));
        }
    }

    /// <summary>
    /// Binary log-loss on one score z (the log-odds): g = w·(σ(z) − y), h = w·σ(z)(1 − σ(z)); the score starts at
    /// the log-odds of the weighted positive rate.
    /// </summary>
    public sealed class Logistic(bool[] positive, float[] weights, string trainer) : BoostingObjective
    {
        public override int Outputs => 1;

        public override float[] InitialScores(ReadOnlySpan<int> train)
        {
            double pos = 0, total = 0;
            foreach (var i in train)
            {
                total += weights[i];
                if (positive[i]) pos += weights[i];
            }
            if (total <= 0)
                throw new TopicModelException($"{trainer}: the examples left for training after the validation split all have weight zero");
            var rate = Math.Clamp(pos / total, 1e-6, 1 - 1e-6);
            return [(float)Math.Log(rate / (1 - rate))];
        }

        public override void Gradients(ReadOnlySpan<int> train, float[] scores, float[][] g, float[][] h)
        {
            for (var r = 0; r < train.Length; r++)
            {
                var s = 1f / (1f + MathF.Exp(-scores[r]));
                var w = weights[train[r]];
                g[0][r] = w * (s - (positive[train[r]] ? 1f : 0f));
                h[0][r] = w * Math.Max(s * (1f - s), 1e-6f);
            }
        }

        public override double Loss(int example, ReadOnlySpan<float> scores)
        {
            // −log σ(±z) = softplus(∓z), computed without overflow.
            var z = positive[example] ? -scores[0] : scores[0];
            return weights[example] * (Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))));
        }
    }
}
