namespace TopicModel.ML.AutoML;

/// <summary>
/// Cost-frugal local search after FLAML's CFO / FLOW2 (Wu, Wang, Huang: "Frugal Optimization for
/// Cost-related Hyperparameters", AAAI 2021), blended with global samples as in FLAML's BlendSearch.
/// It starts at the space's default, the cheap end of every cost-related dimension, and moves by
/// randomized direct search in the unit cube: try incumbent + δu for a random unit direction u, then
/// incumbent − δu; move to whichever improves and keep going that way while it does (the step grows
/// a little with each success). After <see cref="Patience"/> failed directions in a row δ halves; when
/// it falls below a floor the local search restarts from the best global sample. Every
/// <see cref="GlobalEvery"/>-th trial is a uniform random point instead; one that beats the local
/// incumbent becomes the new start. A point already scored is never run again: its score is reused.
/// </summary>
public sealed class CostFrugalTuner : ITuner
{
    private const double MinimumStep = 0.02;
    public const int GlobalEvery = 4;

    private readonly SearchSpace _space;
    private readonly Random _random;
    private readonly Dictionary<string, double> _scores = new(StringComparer.Ordinal);
    private readonly int _dimensions;
    private readonly double _initialStep;

    private double[]? _incumbent;
    private double _incumbentScore = double.NegativeInfinity;
    private double[]? _bestGlobal;
    private double _bestGlobalScore = double.NegativeInfinity;
    private double _step;
    private double[]? _direction;
    private bool _triedPlus;
    private bool _triedMinus;
    private int _failures;
    private int _proposals;
    private readonly Queue<Configuration> _initial;
    private Configuration? _pending;
    private double[]? _pendingPoint;
    private bool _pendingIsGlobal;

    /// <param name="initial">
    /// Configurations to try first, before the default (FLAML's points_to_evaluate): e.g. the best
    /// pipeline of an earlier, longer search, so a short search refines it instead of starting over.
    /// </param>
    public CostFrugalTuner(SearchSpace space, int seed, IEnumerable<Configuration>? initial = null)
    {
        _space = space;
        _initial = new Queue<Configuration>(initial ?? []);
        _random = new Random(seed);
        _dimensions = space.Free.Count;
        _initialStep = Math.Min(0.5, 0.2 * Math.Sqrt(Math.Max(1, _dimensions)));
        _step = _initialStep;
    }

    public string Name => "CostFrugal";

    /// <summary>Failed directions in a row before the step halves: more for more dimensions.</summary>
    public int Patience => Math.Max(2, (_dimensions + 1) / 2);

    public Configuration? Propose()
    {
        if (_pending is not null) return _pending;
        if (_initial.TryDequeue(out var start))
        {
            _pendingIsGlobal = true;
            _pendingPoint = _space.ToUnit(start);
            return _pending = _space.FromUnit(_pendingPoint);
        }
        if (_incumbent is null && _proposals == 0)
        {
            _proposals++;
            _pendingIsGlobal = false;
            _pendingPoint = _space.ToUnit(_space.Default());
            return _pending = _space.FromUnit(_pendingPoint);
        }
        if (_dimensions == 0) return null;
        // Points already scored are resolved here without a trial; bounded so a tiny space cannot spin.
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var global = _proposals % GlobalEvery == GlobalEvery - 1;
            var point = global ? RandomPoint() : NextLocalPoint();
            var candidate = _space.FromUnit(point);
            if (_scores.TryGetValue(candidate.Key, out var known))
            {
                if (global) _proposals++;
                Learn(point, known, global);
                continue;
            }
            _proposals++;
            _pendingIsGlobal = global;
            _pendingPoint = point;
            return _pending = candidate;
        }
        return null;
    }

    public void Report(Configuration configuration, double score)
    {
        _scores[configuration.Key] = score;
        if (_pending is null || configuration.Key != _pending.Key) return;
        var point = _pendingPoint!;
        var global = _pendingIsGlobal;
        _pending = null;
        _pendingPoint = null;
        Learn(point, score, global);
    }

    private double[] RandomPoint()
    {
        var point = new double[_dimensions];
        for (var i = 0; i < point.Length; i++) point[i] = _random.NextDouble();
        return point;
    }

    private double[] NextLocalPoint()
    {
        if (_direction is null || (_triedPlus && _triedMinus))
        {
            _direction = RandomUnitVector();
            _triedPlus = _triedMinus = false;
        }
        var sign = _triedPlus ? -1 : 1;
        if (sign > 0) _triedPlus = true; else _triedMinus = true;
        var point = new double[_dimensions];
        for (var i = 0; i < point.Length; i++) point[i] = Math.Clamp(_incumbent![i] + sign * _step * _direction[i], 0, 1);
        return point;
    }

    private void Learn(double[] point, double score, bool global)
    {
        if (global)
        {
            if (score > _bestGlobalScore) (_bestGlobal, _bestGlobalScore) = (point, score);
            if (score <= _incumbentScore) return;
            // A global sample beat the local search: continue locally from there.
            (_incumbent, _incumbentScore) = (point, score);
            _step = _initialStep;
            _direction = null;
            _failures = 0;
            return;
        }
        if (_incumbent is null || score > _incumbentScore)
        {
            // A step that paid off is tried again in the same direction (a pattern move), a little longer.
            if (_direction is not null && _triedMinus) for (var i = 0; i < _direction.Length; i++) _direction[i] = -_direction[i];
            if (_incumbent is not null) _step = Math.Min(_initialStep, _step * 1.5);
            (_incumbent, _incumbentScore) = (point, score);
            _triedPlus = _triedMinus = false;
            _failures = 0;
            return;
        }
        if (!(_triedPlus && _triedMinus)) return;
        if (++_failures < Patience) return;
        _failures = 0;
        _step /= 2;
        if (_step >= MinimumStep) return;
        // Converged here: start over from the best global sample not yet exploited, or anywhere.
        _step = _initialStep;
        _incumbent = _bestGlobal ?? RandomPoint();
        _incumbentScore = double.NegativeInfinity;
        _bestGlobal = null;
        _bestGlobalScore = double.NegativeInfinity;
        _direction = null;
    }

    private double[] RandomUnitVector()
    {
        var u = new double[_dimensions];
        double norm;
        do
        {
            norm = 0;
            for (var i = 0; i < u.Length; i++)
            {
                // Box–Muller: a normal vector, normalized, is uniform on the sphere.
                var g = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
                u[i] = g;
                norm += g * g;
            }
        } while (norm == 0);
        norm = Math.Sqrt(norm);
        for (var i = 0; i < u.Length; i++) u[i] /= norm;
        return u;
    }
}
