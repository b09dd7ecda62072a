namespace TopicModel.ML.Metrics;

/// <summary>
/// Validated evaluation input: the true class and the predicted probability row of every example,
/// the class names and, optionally, each example's secondary (also acceptable) classes.
/// Built once with <see cref="Create(int[], float[], IReadOnlyList{string}, IReadOnlyList{IReadOnlyCollection{int}?}?)"/>;
/// it keeps only what the metrics need per example (predicted class, rank of the true class, log-loss,
/// Brier term, confidence), so bootstrap resamples never touch the probability rows again.
/// </summary>
public sealed class MulticlassPredictions
{
    /// <summary>ML.NET's clipping: a true-class probability below this counts as this, so one confident miss costs at most -ln(1e-15) ≈ 34.5.</summary>
    public const double LogLossEpsilon = 1e-15;

    // Float rows from a softmax drift from 1 by ~1e-6; anything beyond this is raw scores, not probabilities.
    private const double ProbabilitySumTolerance = 1e-3;

    private MulticlassPredictions(
        string[] classNames, int[] labels, int[] predicted, int[] trueRank,
        double[] logLoss, double[] brier, double[] confidence, bool[]? secondaryHit)
    {
        ClassNames = Array.AsReadOnly(classNames);
        Labels = Array.AsReadOnly(labels);
        PredictedLabels = Array.AsReadOnly(predicted);
        LabelArray = labels;
        PredictedArray = predicted;
        TrueRankArray = trueRank;
        LogLossArray = logLoss;
        BrierArray = brier;
        ConfidenceArray = confidence;
        SecondaryHitArray = secondaryHit;
    }

    public IReadOnlyList<string> ClassNames { get; }
    public int ClassCount => ClassNames.Count;
    public int ExampleCount => LabelArray.Length;
    public bool HasSecondaryLabels => SecondaryHitArray is not null;

    /// <summary>True class index per example.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Predicted class per example: the highest probability, the lowest class index on ties (as argmax does).</summary>
    public IReadOnlyList<int> PredictedLabels { get; }

    internal int[] LabelArray { get; }
    internal int[] PredictedArray { get; }
    /// <summary>0 = the true class ranks first; ties rank the lower class index first, as ML.NET does.</summary>
    internal int[] TrueRankArray { get; }
    internal double[] LogLossArray { get; }
    internal double[] BrierArray { get; }
    /// <summary>Probability of the predicted class (the top probability).</summary>
    internal double[] ConfidenceArray { get; }
    /// <summary>Prediction equals the true class or one of the secondaries; null when no secondaries were given.</summary>
    internal bool[]? SecondaryHitArray { get; }

    internal bool IsCorrect(int example) => PredictedArray[example] == LabelArray[example];

    /// <summary>Probability rows as a jagged array, one row of <c>classNames.Count</c> values per example.</summary>
    public static MulticlassPredictions Create(
        int[] labels,
        float[][] probabilities,
        IReadOnlyList<string> classNames,
        IReadOnlyList<IReadOnlyCollection<int>?>? secondaryLabels = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(classNames);
        var k = classNames.Count;
        var flat = new float[checked(probabilities.Length * k)];
        for (var i = 0; i < probabilities.Length; i++)
        {
            var row = probabilities[i]
                ?? throw new TopicModelException($"example {i + 1}: the probability row is missing.");
            if (row.Length != k)
                throw new TopicModelException($"example {i + 1}: the probability row has {row.Length} values, expected {k} (one per class).");
            row.CopyTo(flat, i * k);
        }
        return Create(labels, flat, classNames, secondaryLabels);
    }

    /// <summary>Probability rows flattened row-major: example i owns <c>probabilities[i*K .. (i+1)*K)</c>, K = <c>classNames.Count</c>.</summary>
    public static MulticlassPredictions Create(
        int[] labels,
        float[] probabilities,
        IReadOnlyList<string> classNames,
        IReadOnlyList<IReadOnlyCollection<int>?>? secondaryLabels = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(classNames);
        var names = ValidateClassNames(classNames);
        var k = names.Length;
        var n = labels.Length;
        if (n == 0)
            throw new TopicModelException("Cannot evaluate an empty set of predictions: there are no examples.");
        if (probabilities.Length != (long)n * k)
            throw new TopicModelException($"Got {probabilities.Length} probabilities for {n} examples and {k} classes; expected {(long)n * k} (one row of {k} per example).");
        if (secondaryLabels is not null && secondaryLabels.Count != n)
            throw new TopicModelException($"Got secondary labels for {secondaryLabels.Count} examples, expected {n} (one entry per example, empty for none).");

        var predicted = new int[n];
        var rank = new int[n];
        var logLoss = new double[n];
        var brier = new double[n];
        var confidence = new double[n];
        var secondaryHit = secondaryLabels is null ? null : new bool[n];
        for (var i = 0; i < n; i++)
        {
            var label = labels[i];
            if ((uint)label >= (uint)k)
                throw new TopicModelException($"example {i + 1}: true class {label} is out of range; there are {k} classes (0..{k - 1}).");
            var row = probabilities.AsSpan(i * k, k);
            ValidateRow(row, i);

            var best = 0;
            var trueP = row[label];
            var r = 0;
            var squares = 0.0;
            for (var c = 0; c < k; c++)
            {
                var p = row[c];
                if (p > row[best]) best = c;
                if (c != label && (p > trueP || (p == trueP && c < label))) r++;
                var d = p - (c == label ? 1.0 : 0.0);
                squares += d * d;
            }
            predicted[i] = best;
            rank[i] = r;
            // 0 − ln p rather than −ln p, so a certain hit is +0, not −0, in the JSON.
            logLoss[i] = 0.0 - Math.Log(Math.Max(LogLossEpsilon, trueP));
            brier[i] = squares;
            confidence[i] = row[best];
            if (secondaryHit is not null)
                secondaryHit[i] = IsSecondary(secondaryLabels![i], best, k, i) || best == label;
        }
        return new MulticlassPredictions(names, (int[])labels.Clone(), predicted, rank, logLoss, brier, confidence, secondaryHit);
    }

    private static string[] ValidateClassNames(IReadOnlyList<string> classNames)
    {
        if (classNames.Count < 2)
            throw new TopicModelException($"A multiclass evaluation needs at least 2 class names, got {classNames.Count}.");
        var names = classNames.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            if (string.IsNullOrWhiteSpace(names[c]))
                throw new TopicModelException($"Class name {c} is empty.");
            if (!seen.Add(names[c]))
                throw new TopicModelException($"Class name '{names[c]}' appears more than once.");
        }
        return names;
    }

    private static void ValidateRow(ReadOnlySpan<float> row, int example)
    {
        var sum = 0.0;
        for (var c = 0; c < row.Length; c++)
        {
            var p = row[c];
            if (!float.IsFinite(p) || p < 0f || p > 1f)
                throw new TopicModelException($"example {example + 1}: probability of class {c} is {p}; probabilities must be in [0, 1].");
            sum += p;
        }
        if (Math.Abs(sum - 1.0) > ProbabilitySumTolerance)
            throw new TopicModelException($"example {example + 1}: probabilities sum to {sum:G6}, not 1; pass calibrated probabilities (e.g. after softmax), not raw scores.");
    }

    private static bool IsSecondary(IReadOnlyCollection<int>? secondaries, int predicted, int classCount, int example)
    {
        if (secondaries is null) return false;
        var hit = false;
        foreach (var s in secondaries)
        {
            if ((uint)s >= (uint)classCount)
                throw new TopicModelException($"example {example + 1}: secondary class {s} is out of range; there are {classCount} classes (0..{classCount - 1}).");
            hit |= s == predicted;
        }
        return hit;
    }
}
