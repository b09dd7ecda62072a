using System.Numerics.Tensors;
using TopicModel.ML.Data;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// Multinomial logistic regression fitted by stochastic dual coordinate ascent (Shalev-Shwartz &amp; Zhang),
/// ML.NET's SdcaMaximumEntropy.
/// </summary>
/// <remarks>
/// Each example i owns a dual probability vector qᵢ on the simplex; the primal weights are
/// v = Σᵢ sᵢ(e_yᵢ − qᵢ)xᵢ / (λ·Σs) and w = softThreshold(v, L1/λ). At the optimum qᵢ equals the model's
/// softmax output, so the duality gap (primal − dual, both computed each pass) bounds the distance to the
/// optimum and is the stopping test. An update moves probability mass between the true class and one
/// other class of a single example, maximizing the dual along that direction with a safeguarded Newton
/// search; sweeping all other classes solves the example's block. Single-threaded and, with a seed, exactly
/// reproducible.
/// </remarks>
public sealed class SdcaMaximumEntropy : IMulticlassTrainer
{
    public const string TrainerName = "SdcaMaximumEntropy";

    public SdcaMaximumEntropy(SdcaMaximumEntropyOptions? options = null)
    {
        Options = options ?? new SdcaMaximumEntropyOptions();
        Validate(Options);
    }

    public SdcaMaximumEntropyOptions Options { get; }
    public string Name => TrainerName;

    public IMulticlassModel Fit(MulticlassDataset data) => FitModel(data);

    public IMulticlassModel Fit(MulticlassDataset data, CancellationToken cancellation) => Train(data, cancellation).Model;

    /// <summary>As <see cref="Fit(MulticlassDataset)"/>, typed to expose the weights.</summary>
    public MaximumEntropyModel FitModel(MulticlassDataset data) => Train(data).Model;

    internal sealed record Outcome(MaximumEntropyModel Model, int Passes, double Primal, double Dual);

    internal static double DefaultL2(int exampleCount) => Math.Clamp(1.0 / exampleCount, 1e-6, 1e-4);

    internal Outcome Train(MulticlassDataset data, CancellationToken cancellation = default)
    {
        TrainingData.Check(data, TrainerName);
        var state = new State(data, Options);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var random = new Random(Options.Seed);
        var (primal, dual) = state.PrimalAndDual();
        var passes = 0;
        while (passes < Options.MaximumNumberOfIterations)
        {
            cancellation.ThrowIfCancellationRequested();
            if (Options.Shuffle) random.Shuffle(order);
            foreach (var i in order) state.UpdateExample(i);
            passes++;
            (primal, dual) = state.PrimalAndDual();
            if (primal - dual <= Options.ConvergenceTolerance * Math.Abs(primal)) break;
        }
        return new Outcome(state.ToModel(), passes, primal, dual);
    }

    private static void Validate(SdcaMaximumEntropyOptions o)
    {
        if (o.L2Regularization is { } l2 && (!(l2 > 0) || float.IsInfinity(l2)))
            throw new TopicModelException($"{TrainerName}: L2Regularization must be a finite number > 0, not {l2}");
        if (!(o.L1Regularization >= 0) || float.IsInfinity(o.L1Regularization))
            throw new TopicModelException($"{TrainerName}: L1Regularization must be a finite number ≥ 0, not {o.L1Regularization}");
        if (!(o.ConvergenceTolerance > 0))
            throw new TopicModelException($"{TrainerName}: ConvergenceTolerance must be > 0, not {o.ConvergenceTolerance}");
        if (o.MaximumNumberOfIterations < 1)
            throw new TopicModelException($"{TrainerName}: MaximumNumberOfIterations must be ≥ 1, not {o.MaximumNumberOfIterations}");
        if (!(o.BiasLearningRate >= 0) || float.IsInfinity(o.BiasLearningRate))
            throw new TopicModelException($"{TrainerName}: BiasLearningRate must be a finite number ≥ 0, not {o.BiasLearningRate}");
    }

    /// <summary>The mutable optimization state; lives only inside one <see cref="Train"/> call.</summary>
    private sealed class State
    {
        private readonly MulticlassDataset _data;
        private readonly CsrMatrix _x;
        private readonly int _classes;
        private readonly int _features;
        private readonly double _lambda;
        private readonly double _l1;
        private readonly double _threshold;
        private readonly bool _regularizeBias;
        private readonly double _biasLearningRate;
        private readonly double _totalWeight;
        private readonly double _meanWeight;
        private readonly double[] _v;
        private readonly double[] _w;
        private readonly double[] _bias;
        private readonly double[] _q;
        private readonly double[] _squaredNorms;

        public State(MulticlassDataset data, SdcaMaximumEntropyOptions options)
        {
            _data = data;
            _x = CsrMatrix.FromDataset(data);
            _classes = data.ClassCount;
            _features = data.FeatureCount;
            _lambda = options.L2Regularization ?? DefaultL2(data.Count);
            _l1 = options.L1Regularization;
            _threshold = _l1 / _lambda;
            _regularizeBias = options.BiasLearningRate == 0;
            _biasLearningRate = options.BiasLearningRate;
            for (var i = 0; i < data.Count; i++) _totalWeight += data.WeightOf(i);
            _meanWeight = _totalWeight / data.Count;
            // Feature-major like SoftmaxObjective: an example's classes share cache lines.
            _v = new double[_classes * _features];
            // Without L1 the thresholded weights equal v, so both names share one array.
            _w = _threshold > 0 ? new double[_v.Length] : _v;
            _bias = new double[_classes];
            _q = new double[data.Count * _classes];
            _squaredNorms = new double[data.Count];
            for (var i = 0; i < data.Count; i++)
            {
                // All dual variables start at zero: every example puts all its mass on its own label.
                _q[i * _classes + data.Labels[i]] = 1;
                _squaredNorms[i] = SparseMath.SquaredNorm(_x.RowValues(i)) + (_regularizeBias ? 1 : 0);
            }
        }

        public void UpdateExample(int i)
        {
            var s = _data.WeightOf(i);
            if (s == 0) return;
            var scale = s / (_lambda * _totalWeight);
            var curvature = scale * _squaredNorms[i];
            var y = _data.Labels[i];
            var q = _q.AsSpan(i * _classes, _classes);
            Span<double> scores = _classes <= 256 ? stackalloc double[_classes] : new double[_classes];
            Scores(i, scores);
            // A pair update changes only the scores of its two classes, and y is in every pair: the other
            // scores stay as computed here.
            var zy = scores[y];
            for (var k = 0; k < _classes; k++)
            {
                if (k == y) continue;
                var delta = SolvePair(q[k], q[y], scores[k] - zy, curvature);
                if (delta == 0) continue;
                q[k] = Math.Max(q[k] + delta, 0);
                q[y] = Math.Max(q[y] - delta, 0);
                Move(i, k, -scale * delta);
                Move(i, y, scale * delta);
                zy = _threshold > 0 ? ScoreOf(i, y) : zy + scale * delta * _squaredNorms[i];
            }
            if (!_regularizeBias)
            {
                // A stochastic gradient step on the unregularized bias: eᵧ − q is the loss's negative gradient at the optimum.
                var step = _biasLearningRate * s / _meanWeight;
                for (var k = 0; k < _classes; k++)
                    _bias[k] += step * ((k == y ? 1 : 0) - q[k]);
            }
        }

        public (double Primal, double Dual) PrimalAndDual()
        {
            Span<double> scores = _classes <= 256 ? stackalloc double[_classes] : new double[_classes];
            double loss = 0, entropy = 0;
            for (var i = 0; i < _data.Count; i++)
            {
                var s = _data.WeightOf(i);
                if (s == 0) continue;
                Scores(i, scores);
                loss += s * (SoftmaxObjective.LogSumExp(scores) - scores[_data.Labels[i]]);
                var h = 0d;
                foreach (var p in _q.AsSpan(i * _classes, _classes))
                {
                    if (p > 0) h -= p * Math.Log(p);
                }
                entropy += s * h;
            }
            double squared = 0, absolute = 0;
            foreach (var w in _w)
            {
                squared += w * w;
                absolute += Math.Abs(w);
            }
            if (_regularizeBias)
            {
                foreach (var b in _bias) squared += b * b;
            }
            var l2Term = 0.5 * _lambda * squared;
            return (loss / _totalWeight + l2Term + _l1 * absolute, entropy / _totalWeight - l2Term);
        }

        public MaximumEntropyModel ToModel()
        {
            var parameters = new double[_w.Length + _classes];
            _w.CopyTo(parameters, 0);
            _bias.CopyTo(parameters, _w.Length);
            return SoftmaxObjective.Unpack(TrainerName, _data.ClassNames, _features, parameters);
        }

        private void Scores(int i, Span<double> scores)
        {
            var indices = _x.RowIndices(i);
            var values = _x.RowValues(i);
            _bias.CopyTo(scores);
            for (var n = 0; n < indices.Length; n++)
                TensorPrimitives.MultiplyAdd(_w.AsSpan(indices[n] * _classes, _classes), values[n], scores, scores);
        }

        private double ScoreOf(int i, int k)
        {
            var indices = _x.RowIndices(i);
            var values = _x.RowValues(i);
            var score = _bias[k];
            for (var n = 0; n < indices.Length; n++) score += values[n] * _w[indices[n] * _classes + k];
            return score;
        }

        /// <summary>v_k += amount·xᵢ, then re-threshold the touched weights.</summary>
        private void Move(int i, int k, double amount)
        {
            var indices = _x.RowIndices(i);
            var values = _x.RowValues(i);
            for (var n = 0; n < indices.Length; n++)
            {
                var at = indices[n] * _classes + k;
                _v[at] += amount * values[n];
                if (_threshold > 0) _w[at] = Math.Sign(_v[at]) * Math.Max(Math.Abs(_v[at]) - _threshold, 0);
            }
            if (_regularizeBias) _bias[k] += amount;
        }
    }

    /// <summary>
    /// The mass δ to move from class b to class a (qa += δ, qb −= δ) that maximizes the dual along that
    /// direction: −(qa+δ)ln(qa+δ) − (qb−δ)ln(qb−δ) + δ·scoreGap − curvature·δ², δ ∈ [−qa, qb].
    /// The derivative is strictly decreasing, so Newton steps kept inside a shrinking bracket find its root.
    /// </summary>
    internal static double SolvePair(double qa, double qb, double scoreGap, double curvature)
    {
        var total = qa + qb;
        if (total <= 1e-300) return 0;
        // Without the curvature term the optimum splits the mass as a two-class softmax of the scores;
        // the curvature only pulls it back toward δ = 0, so the root lies between 0 and that split.
        var split = total / (1 + Math.Exp(-scoreGap)) - qa;
        var lo = Math.Max(-qa, Math.Min(0, split));
        var hi = Math.Min(qb, Math.Max(0, split));
        if (hi - lo <= 1e-300) return lo;
        var delta = split > lo && split < hi ? split : 0.5 * (lo + hi);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var a = qa + delta;
            var b = qb - delta;
            var slope = Math.Log(b) - Math.Log(a) + scoreGap - 2 * curvature * delta;
            if (slope == 0 || double.IsNaN(slope)) break;
            if (slope > 0) lo = delta;
            else hi = delta;
            var next = delta + slope / (1 / a + 1 / b + 2 * curvature);
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.Abs(next - delta) <= 1e-15 * total) return next;
            delta = next;
        }
        return delta;
    }
}
