namespace TopicModel.ML.Trainers;

/// <summary>
/// The training rows of <see cref="FastTree"/> with every feature value replaced by its bin, computed once.
/// Each feature's bins are value ranges given by increasing upper bounds (the last is +∞): a value falls in
/// the first bin whose bound is ≥ it, so "bin ≤ b" is exactly "value ≤ bound b" and a split on a bin is a
/// threshold on raw values at prediction time. Zero always has a bin of its own, so the rows only store their
/// non-zeros (as global bin numbers: the feature's offset plus the bin) and a node's zero bin is its total
/// minus the non-zero bins. Non-zero bins are quantiles of the feature's non-zero training values (one per
/// distinct value when there are few).
/// </summary>
internal sealed class FeatureBins
{
    private FeatureBins(int featureCount, float[][] upperBounds, int[] zeroBin, int[] binOffset, int[] binFeature, int[] rowStarts, int[] rowFeatures, int[] rowBins)
    {
        FeatureCount = featureCount;
        UpperBounds = upperBounds;
        ZeroBin = zeroBin;
        BinOffset = binOffset;
        BinFeature = binFeature;
        RowStarts = rowStarts;
        RowFeatures = rowFeatures;
        RowBins = rowBins;
    }

    public int FeatureCount { get; }
    public float[][] UpperBounds { get; }
    public int[] ZeroBin { get; }
    public int[] BinOffset { get; }
    public int[] BinFeature { get; }
    public int TotalBinCount => BinFeature.Length;
    public int RowCount => RowStarts.Length - 1;

    /// <summary>CSR over the training rows: row r's non-zeros are [RowStarts[r], RowStarts[r+1]).</summary>
    public int[] RowStarts { get; }
    public int[] RowFeatures { get; }
    public int[] RowBins { get; }

    /// <summary>The feature's bin (local to the feature) for training row <paramref name="row"/>.</summary>
    public int BinOf(int row, int feature)
    {
        var start = RowStarts[row];
        var i = Array.BinarySearch(RowFeatures, start, RowStarts[row + 1] - start, feature);
        return i >= 0 ? RowBins[i] - BinOffset[feature] : ZeroBin[feature];
    }

    /// <summary>Bins the rows <paramref name="examples"/> of <paramref name="rows"/>; row r of the result is example examples[r].</summary>
    public static FeatureBins Build(RowSource rows, ReadOnlySpan<int> examples, int featureCount, int maxBins)
    {
        // Non-zero values gathered by feature (CSC), to find each feature's quantiles.
        var columnStarts = new int[featureCount + 1];
        long nonZeros = 0;
        foreach (var e in examples)
        {
            var indices = rows.Indices(e);
            var values = rows.Values(e);
            for (var i = 0; i < indices.Length; i++)
            {
                if (values[i] != 0f) { columnStarts[indices[i] + 1]++; nonZeros++; }
            }
        }
        if (nonZeros > Array.MaxLength)
            throw new TopicModelException($"{FastTree.TrainerName}: the data has more than {Array.MaxLength} non-zero features");
        for (var f = 0; f < featureCount; f++) columnStarts[f + 1] += columnStarts[f];
        var columnValues = new float[nonZeros];
        var fill = columnStarts[..^1];
        foreach (var e in examples)
        {
            var indices = rows.Indices(e);
            var values = rows.Values(e);
            for (var i = 0; i < indices.Length; i++)
            {
                if (values[i] != 0f) columnValues[fill[indices[i]]++] = values[i];
            }
        }

        var upperBounds = new float[featureCount][];
        var zeroBin = new int[featureCount];
        var binOffset = new int[featureCount + 1];
        for (var f = 0; f < featureCount; f++)
        {
            var values = columnValues.AsSpan(columnStarts[f], columnStarts[f + 1] - columnStarts[f]);
            values.Sort();
            upperBounds[f] = Bounds(values, maxBins);
            zeroBin[f] = Bin(upperBounds[f], 0f);
            if ((long)binOffset[f] + upperBounds[f].Length > Array.MaxLength)
                throw new TopicModelException($"{FastTree.TrainerName}: too many feature bins; lower MaximumBinCountPerFeature");
            binOffset[f + 1] = binOffset[f] + upperBounds[f].Length;
        }
        var binFeature = new int[binOffset[featureCount]];
        for (var f = 0; f < featureCount; f++) binFeature.AsSpan(binOffset[f], upperBounds[f].Length).Fill(f);

        var rowStarts = new int[examples.Length + 1];
        var rowFeatures = new int[nonZeros];
        var rowBins = new int[nonZeros];
        var n = 0;
        for (var r = 0; r < examples.Length; r++)
        {
            var indices = rows.Indices(examples[r]);
            var values = rows.Values(examples[r]);
            for (var i = 0; i < indices.Length; i++)
            {
                var v = values[i];
                if (v == 0f) continue;
                var f = indices[i];
                rowFeatures[n] = f;
                rowBins[n] = binOffset[f] + Bin(upperBounds[f], v);
                n++;
            }
            rowStarts[r + 1] = n;
        }
        return new FeatureBins(featureCount, upperBounds, zeroBin, binOffset[..^1], binFeature, rowStarts, rowFeatures, rowBins);
    }

    /// <summary>The first bin whose upper bound is ≥ <paramref name="value"/>.</summary>
    public static int Bin(float[] upperBounds, float value)
    {
        int lo = 0, hi = upperBounds.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (value <= upperBounds[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>
    /// Upper bounds for sorted non-zero values: groups of negatives, the zero bin, groups of positives, each
    /// bound halfway between neighbouring groups (or between a group and zero), the last +∞.
    /// </summary>
    internal static float[] Bounds(ReadOnlySpan<float> sorted, int maxBins)
    {
        var negatives = 0;
        while (negatives < sorted.Length && sorted[negatives] < 0) negatives++;
        var positives = sorted.Length - negatives;
        var budget = maxBins - 1;
        var negativeBudget = negatives == 0 ? 0 : positives == 0 ? budget : Math.Clamp((int)((long)budget * negatives / sorted.Length), 1, budget - 1);
        var positiveBudget = budget - negativeBudget;

        var bounds = new List<float>();
        var negativeGroups = Groups(sorted[..negatives], negativeBudget);
        for (var g = 0; g < negativeGroups.Count; g++)
        {
            var (_, max) = negativeGroups[g];
            var next = g + 1 < negativeGroups.Count ? negativeGroups[g + 1].Min : 0f;
            bounds.Add(Between(max, next));
        }
        var positiveGroups = Groups(sorted[negatives..], positiveBudget);
        bounds.Add(positiveGroups.Count > 0 ? Between(0f, positiveGroups[0].Min) : float.PositiveInfinity);
        for (var g = 0; g < positiveGroups.Count; g++)
            bounds.Add(g + 1 < positiveGroups.Count ? Between(positiveGroups[g].Max, positiveGroups[g + 1].Min) : float.PositiveInfinity);
        return [.. bounds];
    }

    /// <summary>A bound b with low ≤ b &lt; high (the midpoint unless rounding makes it reach high).</summary>
    private static float Between(float low, float high)
    {
        var mid = (float)(((double)low + high) / 2);
        return mid >= low && mid < high ? mid : low;
    }

    /// <summary>At most <paramref name="budget"/> groups (min, max) of sorted values, equal values never split, near-equal counts.</summary>
    private static List<(float Min, float Max)> Groups(ReadOnlySpan<float> sorted, int budget)
    {
        var groups = new List<(float, float)>();
        if (sorted.Length == 0) return groups;
        var distinct = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1]) distinct++;
        }
        if (distinct <= budget)
        {
            var start = 0;
            for (var i = 1; i <= sorted.Length; i++)
            {
                if (i == sorted.Length || sorted[i] != sorted[i - 1]) { groups.Add((sorted[start], sorted[i - 1])); start = i; }
            }
            return groups;
        }
        // Quantile cuts: group q ends before the value at position ⌈(q+1)·n/budget⌉, moved past equal values.
        var begin = 0;
        for (var q = 0; q < budget && begin < sorted.Length; q++)
        {
            var end = q == budget - 1 ? sorted.Length : (int)Math.Max(begin + 1, (long)(q + 1) * sorted.Length / budget);
            while (end < sorted.Length && sorted[end] == sorted[end - 1]) end++;
            groups.Add((sorted[begin], sorted[end - 1]));
            begin = end;
        }
        return groups;
    }
}
