namespace TopicModel.ML.Metrics;

/// <summary>
/// Sufficient statistics of a (re)sample: confusion counts, rank histogram of the true class, sums of
/// log-loss and Brier terms, calibration bins. Every metric is a function of these, so the full-data
/// estimate and each bootstrap resample share one definition and a resample costs O(N + K²).
/// Mutable scratch space: one instance per thread.
/// </summary>
internal sealed class MetricCounts
{
    private readonly int[] _confusion;
    private readonly int[] _support;
    private readonly int[] _predicted;
    private readonly int[] _rankHistogram;
    private readonly double[] _classLogLoss;
    private readonly int[] _binCount;
    private readonly int[] _binCorrect;
    private readonly double[] _binConfidence;
    private double _logLoss;
    private double _brier;
    private int _secondaryHits;

    public MetricCounts(int classCount, int binCount)
    {
        ClassCount = classCount;
        BinCount = binCount;
        _confusion = new int[classCount * classCount];
        _support = new int[classCount];
        _predicted = new int[classCount];
        _rankHistogram = new int[classCount];
        _classLogLoss = new double[classCount];
        _binCount = new int[binCount];
        _binCorrect = new int[binCount];
        _binConfidence = new double[binCount];
    }

    public int ClassCount { get; }
    public int BinCount { get; }
    public int Total { get; private set; }

    public void Clear()
    {
        Array.Clear(_confusion);
        Array.Clear(_support);
        Array.Clear(_predicted);
        Array.Clear(_rankHistogram);
        Array.Clear(_classLogLoss);
        Array.Clear(_binCount);
        Array.Clear(_binCorrect);
        Array.Clear(_binConfidence);
        _logLoss = 0;
        _brier = 0;
        _secondaryHits = 0;
        Total = 0;
    }

    public void Add(MulticlassPredictions data, int example) => Add(data, example, 1);

    /// <summary>Adds the example <paramref name="weight"/> times, as a bootstrap resample that drew it that often.</summary>
    public void Add(MulticlassPredictions data, int example, int weight)
    {
        var label = data.LabelArray[example];
        var predicted = data.PredictedArray[example];
        _confusion[label * ClassCount + predicted] += weight;
        _support[label] += weight;
        _predicted[predicted] += weight;
        _rankHistogram[data.TrueRankArray[example]] += weight;
        var logLoss = weight * data.LogLossArray[example];
        _logLoss += logLoss;
        _classLogLoss[label] += logLoss;
        _brier += weight * data.BrierArray[example];
        if (data.SecondaryHitArray is { } hits && hits[example]) _secondaryHits += weight;
        var confidence = data.ConfidenceArray[example];
        var bin = BinOf(confidence, BinCount);
        _binCount[bin] += weight;
        _binConfidence[bin] += weight * confidence;
        if (label == predicted) _binCorrect[bin] += weight;
        Total += weight;
    }

    /// <summary>Equal-width bins [b/B, (b+1)/B); a confidence of exactly 1 falls in the last bin.</summary>
    public static int BinOf(double confidence, int binCount) => Math.Min((int)(confidence * binCount), binCount - 1);

    public int Count(int trueClass, int predictedClass) => _confusion[trueClass * ClassCount + predictedClass];
    public int Support(int c) => _support[c];
    public int PredictedCount(int c) => _predicted[c];
    public int TruePositives(int c) => _confusion[c * ClassCount + c];

    public double MicroAccuracy
    {
        get
        {
            var correct = 0;
            for (var c = 0; c < ClassCount; c++) correct += TruePositives(c);
            return (double)correct / Total;
        }
    }

    /// <summary>Mean recall over the classes present in the labels (ML.NET's MacroAccuracy).</summary>
    public double MacroAccuracy => MeanOverPresentClasses(Recall);

    /// <summary>Mean F1 over the classes present in the labels.</summary>
    public double MacroF1 => MeanOverPresentClasses(F1);

    /// <summary>F1 weighted by support; absent classes weigh 0.</summary>
    public double WeightedF1
    {
        get
        {
            var sum = 0.0;
            for (var c = 0; c < ClassCount; c++)
                if (F1(c) is { } f1) sum += f1 * _support[c];
            return sum / Total;
        }
    }

    public double LogLoss => _logLoss / Total;

    /// <summary>Log-loss of always predicting the label frequencies: their entropy in nats.</summary>
    public double PriorLogLoss
    {
        get
        {
            var entropy = 0.0;
            for (var c = 0; c < ClassCount; c++)
            {
                if (_support[c] == 0) continue;
                var p = (double)_support[c] / Total;
                entropy -= p * Math.Log(p);
            }
            return entropy;
        }
    }

    /// <summary>(prior - model) / prior; undefined (null) when one class holds every label and the prior's log-loss is 0.</summary>
    public double? LogLossReduction
    {
        get
        {
            var prior = PriorLogLoss;
            return prior > 0 ? (prior - LogLoss) / prior : null;
        }
    }

    public double TopKAccuracy(int k)
    {
        var hits = 0;
        for (var r = 0; r < k; r++) hits += _rankHistogram[r];
        return (double)hits / Total;
    }

    /// <summary>0 when the class was never predicted (scikit-learn's zero_division=0).</summary>
    public double Precision(int c) => _predicted[c] == 0 ? 0 : (double)TruePositives(c) / _predicted[c];

    public double? Recall(int c) => _support[c] == 0 ? null : (double)TruePositives(c) / _support[c];

    /// <summary>2TP / (support + predicted): the harmonic mean, and 0 when precision and recall are both 0.</summary>
    public double? F1(int c) => _support[c] == 0 ? null : 2.0 * TruePositives(c) / (_support[c] + _predicted[c]);

    public double? ClassLogLoss(int c) => _support[c] == 0 ? null : _classLogLoss[c] / _support[c];

    public double? SecondaryHitRate(bool hasSecondaryLabels) => hasSecondaryLabels ? (double)_secondaryHits / Total : null;

    public double BrierScore => _brier / Total;

    public int BinExamples(int bin) => _binCount[bin];
    public int BinCorrect(int bin) => _binCorrect[bin];
    public double BinConfidenceSum(int bin) => _binConfidence[bin];

    /// <summary>Σ_b (n_b/N)·|accuracy_b − confidence_b| = Σ_b |correct_b − Σconfidence_b| / N.</summary>
    public double ExpectedCalibrationError
    {
        get
        {
            var sum = 0.0;
            for (var b = 0; b < BinCount; b++) sum += Math.Abs(_binCorrect[b] - _binConfidence[b]);
            return sum / Total;
        }
    }

    public double MaximumCalibrationError
    {
        get
        {
            var max = 0.0;
            for (var b = 0; b < BinCount; b++)
            {
                if (_binCount[b] == 0) continue;
                max = Math.Max(max, Math.Abs(_binCorrect[b] - _binConfidence[b]) / _binCount[b]);
            }
            return max;
        }
    }

    private double MeanOverPresentClasses(Func<int, double?> metric)
    {
        var sum = 0.0;
        var present = 0;
        for (var c = 0; c < ClassCount; c++)
        {
            if (metric(c) is not { } value) continue;
            sum += value;
            present++;
        }
        return sum / present;
    }
}
