namespace TopicModel.ML.Trainers;

/// <summary>
/// Grows one regression tree leaf-wise on gradients and hessians (second-order boosting). Holds the scratch
/// memory of one thread: a histogram over every bin, the rows of the tree's leaves kept contiguous in one
/// index array, and the bins it touched. A leaf's histogram is summed from the non-zeros of its rows only,
/// so its cost is its rows' non-zero count; the zero bin of a feature is the leaf total minus its other bins.
/// </summary>
internal sealed class TreeGrower
{
    private readonly FeatureBins _bins;
    private readonly double[] _histG;
    private readonly double[] _histH;
    private readonly int[] _histCount;
    private readonly int[] _touchedBins;
    private readonly int[] _rows;
    private readonly int[] _scratch;

    public TreeGrower(FeatureBins bins)
    {
        _bins = bins;
        _histG = new double[bins.TotalBinCount];
        _histH = new double[bins.TotalBinCount];
        _histCount = new int[bins.TotalBinCount];
        _touchedBins = new int[bins.TotalBinCount];
        _rows = new int[bins.RowCount];
        _scratch = new int[bins.RowCount];
    }

    /// <summary>A candidate split: rows with the feature's bin ≤ Bin go left.</summary>
    internal struct Split
    {
        public int Feature;
        public int Bin;
        public double Gain;
        public double LeftG, LeftH;
        public int LeftCount;
    }

    private sealed class Leaf
    {
        public int Begin, Count;
        public double G, H;
        public int Parent = -1;
        public bool IsLeft;
        public Split Best;
    }

    /// <summary>
    /// Grows a tree on the training rows <paramref name="sample"/> (increasing) and adds each sampled row's leaf
    /// value to <paramref name="scores"/>[row·stride + offset].
    /// </summary>
    public RegressionTree Grow(ReadOnlySpan<int> sample, float[] g, float[] h, bool[]? featureMask, FastTreeOptions o, float[] scores, int stride, int offset)
    {
        sample.CopyTo(_rows);
        double lambda = o.L2Regularization;
        var root = new Leaf { Begin = 0, Count = sample.Length };
        for (var i = 0; i < sample.Length; i++) { root.G += g[sample[i]]; root.H += h[sample[i]]; }
        root.Best = FindBestSplit(root, g, h, featureMask, o);
        var leaves = new List<Leaf> { root };
        var features = new List<int>();
        var thresholds = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var gains = new List<float>();
        var nodeValues = new List<float>();

        while (leaves.Count < o.NumberOfLeaves)
        {
            var best = -1;
            for (var j = 0; j < leaves.Count; j++)
            {
                if (leaves[j].Best.Gain > 0 && (best < 0 || leaves[j].Best.Gain > leaves[best].Best.Gain)) best = j;
            }
            if (best < 0) break;
            var leaf = leaves[best];
            var split = leaf.Best;
            var node = features.Count;
            features.Add(split.Feature);
            thresholds.Add(_bins.UpperBounds[split.Feature][split.Bin]);
            left.Add(~best);
            right.Add(~leaves.Count);
            gains.Add((float)split.Gain);
            nodeValues.Add(LeafValue(leaf.G, leaf.H, lambda, o.LearningRate));
            if (leaf.Parent >= 0)
            {
                if (leaf.IsLeft) left[leaf.Parent] = node;
                else right[leaf.Parent] = node;
            }

            var leftCount = Partition(leaf, split);
            var rightLeaf = new Leaf
            {
                Begin = leaf.Begin + leftCount, Count = leaf.Count - leftCount,
                G = leaf.G - split.LeftG, H = leaf.H - split.LeftH, Parent = node, IsLeft = false,
            };
            leaf.Count = leftCount;
            leaf.G = split.LeftG;
            leaf.H = split.LeftH;
            leaf.Parent = node;
            leaf.IsLeft = true;
            leaves.Add(rightLeaf);
            leaf.Best = FindBestSplit(leaf, g, h, featureMask, o);
            rightLeaf.Best = FindBestSplit(rightLeaf, g, h, featureMask, o);
        }

        var leafValues = new float[leaves.Count];
        for (var j = 0; j < leaves.Count; j++)
        {
            var leaf = leaves[j];
            var v = leafValues[j] = LeafValue(leaf.G, leaf.H, lambda, o.LearningRate);
            foreach (var r in _rows.AsSpan(leaf.Begin, leaf.Count)) scores[r * stride + offset] += v;
        }
        return new RegressionTree([.. features], [.. thresholds], [.. left], [.. right], [.. gains], [.. nodeValues], leafValues);
    }

    internal static float LeafValue(double g, double h, double lambda, float learningRate) =>
        h + lambda > 0 ? (float)(-g / (h + lambda) * learningRate) : 0f;

    /// <summary>Stable in-place partition of the leaf's rows; returns how many went left.</summary>
    private int Partition(Leaf leaf, Split split)
    {
        var rows = _rows.AsSpan(leaf.Begin, leaf.Count);
        int l = 0, r = 0;
        foreach (var row in rows)
        {
            if (_bins.BinOf(row, split.Feature) <= split.Bin) rows[l++] = row;
            else _scratch[r++] = row;
        }
        _scratch.AsSpan(0, r).CopyTo(rows[l..]);
        return l;
    }

    /// <summary>The best split of the leaf over the allowed features; Gain 0 when there is none.</summary>
    private Split FindBestSplit(Leaf leaf, float[] g, float[] h, bool[]? featureMask, FastTreeOptions o)
    {
        var best = new Split { Feature = -1 };
        var minLeaf = o.MinimumExampleCountPerLeaf;
        if (leaf.Count < 2 * minLeaf) return best;

        var histG = _histG;
        var histH = _histH;
        var histCount = _histCount;
        var touched = _touchedBins;
        var touchedCount = 0;
        var starts = _bins.RowStarts;
        var rowBins = _bins.RowBins;
        foreach (var row in _rows.AsSpan(leaf.Begin, leaf.Count))
        {
            double gr = g[row], hr = h[row];
            var end = starts[row + 1];
            for (var k = starts[row]; k < end; k++)
            {
                var b = rowBins[k];
                if (histCount[b]++ == 0) touched[touchedCount++] = b;
                histG[b] += gr;
                histH[b] += hr;
            }
        }

        // Global bins are ordered by feature, then value: sorted, the touched bins group by feature. Bins a
        // leaf never touched are empty, so the only thresholds that change the partition are after a touched
        // bin or after the zero bin; scanning just those costs the leaf's non-zeros, not features × bins.
        Array.Sort(touched, 0, touchedCount);
        double lambda = o.L2Regularization;
        var parentScore = leaf.G * leaf.G / (leaf.H + lambda);
        var binFeature = _bins.BinFeature;
        for (int start = 0, end; start < touchedCount; start = end)
        {
            var f = binFeature[touched[start]];
            end = start + 1;
            while (end < touchedCount && binFeature[touched[end]] == f) end++;
            if (featureMask is not null && !featureMask[f]) continue;
            var offset = _bins.BinOffset[f];
            var last = _bins.UpperBounds[f].Length - 1;
            var zero = offset + _bins.ZeroBin[f];
            double sg = 0, sh = 0;
            var sc = 0;
            for (var i = start; i < end; i++) { sg += histG[touched[i]]; sh += histH[touched[i]]; sc += histCount[touched[i]]; }
            double zg = leaf.G - sg, zh = leaf.H - sh;
            var zc = leaf.Count - sc;
            double lg = 0, lh = 0;
            var lc = 0;
            var zeroDone = false;
            for (var i = start; i <= end; i++)
            {
                // The next candidate bin in value order: the zero bin slots in before the first touched bin above it.
                int b;
                if (!zeroDone && (i == end || touched[i] > zero))
                {
                    b = zero;
                    zeroDone = true;
                    lg += zg; lh += zh; lc += zc;
                    i--;
                }
                else if (i == end) break;
                else
                {
                    b = touched[i];
                    lg += histG[b]; lh += histH[b]; lc += histCount[b];
                }
                if (b - offset >= last) break;
                if (lc < minLeaf) continue;
                if (leaf.Count - lc < minLeaf) break;
                double rg = leaf.G - lg, rh = leaf.H - lh;
                if (!(lh + lambda > 1e-12) || !(rh + lambda > 1e-12)) continue;
                var gain = lg * lg / (lh + lambda) + rg * rg / (rh + lambda) - parentScore;
                var bin = b - offset;
                if (gain > best.Gain || (gain == best.Gain && gain > 0 && (f < best.Feature || (f == best.Feature && bin < best.Bin))))
                    best = new Split { Feature = f, Bin = bin, Gain = gain, LeftG = lg, LeftH = lh, LeftCount = lc };
            }
        }

        for (var i = 0; i < touchedCount; i++)
        {
            var b = touched[i];
            histG[b] = 0;
            histH[b] = 0;
            histCount[b] = 0;
        }
        return best;
    }
}
