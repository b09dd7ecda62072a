using System.Numerics;

namespace TopicModel.ML.Trainers;

/// <summary>
/// Grows one regression tree leaf-wise on gradients and hessians (second-order boosting). Holds the scratch
/// memory of one thread: a dense accumulator over every bin, the rows of the tree's leaves kept contiguous in
/// one index array, and a pool of leaf histograms.
/// </summary>
/// <remarks>
/// Sparse-aware costs: a leaf's histogram only lists the bins its rows' non-zeros fall in (the zero bin of a
/// feature is the leaf total minus its other bins), sorted by global bin, so finding a split costs the number of
/// bins listed, never features × bins. When a leaf splits, only the child with fewer non-zeros is summed from
/// its rows; the other child's histogram is the parent's minus it (LightGBM's histogram subtraction), done in
/// place in the parent's arrays. Accumulating into a dense array and collecting the touched bins from a bitmap
/// keeps the histogram sorted without sorting.
/// </remarks>
internal sealed class TreeGrower
{
    /// <summary>Sums of one bin. The three fields share a cache line, so adding a non-zero touches one line, not three arrays.</summary>
    internal struct BinSum
    {
        public double G;
        public double H;
        public int Count;
    }

    /// <summary>A leaf's non-empty non-zero bins, increasing, with their sums.</summary>
    private sealed class Histogram
    {
        public int[] Bins = [];
        public BinSum[] Sums = [];
        public int Count;
    }

    private readonly FeatureBins _bins;
    private readonly BinSum[] _dense;
    private readonly ulong[] _marks;
    private readonly int[] _rows;
    private readonly int[] _scratch;
    private readonly List<Histogram> _pool = [];

    public TreeGrower(FeatureBins bins)
    {
        _bins = bins;
        _dense = new BinSum[bins.TotalBinCount];
        _marks = new ulong[(bins.TotalBinCount + 63) / 64];
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
        public long NonZeros;
        public double G, H;
        public int Parent = -1;
        public bool IsLeft;
        public Split Best;
        public Histogram? Histogram;
    }

    /// <summary>
    /// Grows a tree on the training rows <paramref name="sample"/> (increasing) and adds each sampled row's leaf
    /// value to <paramref name="scores"/>[row·stride + offset].
    /// </summary>
    public RegressionTree Grow(ReadOnlySpan<int> sample, float[] g, float[] h, bool[]? featureMask, FastTreeOptions o, float[] scores, int stride, int offset)
    {
        sample.CopyTo(_rows);
        double lambda = o.L2Regularization;
        var minLeaf = o.MinimumExampleCountPerLeaf;
        var root = new Leaf { Begin = 0, Count = sample.Length };
        foreach (var r in sample)
        {
            root.G += g[r];
            root.H += h[r];
            root.NonZeros += _bins.RowStarts[r + 1] - _bins.RowStarts[r];
        }
        if (o.NumberOfLeaves > 1 && root.Count >= 2 * minLeaf)
        {
            root.Histogram = Build(root, g, h);
            root.Best = FindBestSplit(root, featureMask, o);
            ReleaseIfDone(root);
        }
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

            var (leftCount, leftNonZeros) = Partition(leaf, split);
            var parentHistogram = leaf.Histogram!;
            var rightLeaf = new Leaf
            {
                Begin = leaf.Begin + leftCount, Count = leaf.Count - leftCount, NonZeros = leaf.NonZeros - leftNonZeros,
                G = leaf.G - split.LeftG, H = leaf.H - split.LeftH, Parent = node, IsLeft = false,
            };
            leaf.Count = leftCount;
            leaf.NonZeros = leftNonZeros;
            leaf.G = split.LeftG;
            leaf.H = split.LeftH;
            leaf.Parent = node;
            leaf.IsLeft = true;
            leaf.Best = default;
            leaf.Histogram = null;
            leaves.Add(rightLeaf);

            // Children are searched only if the tree may still grow and one of them can be split at all.
            if (leaves.Count < o.NumberOfLeaves && (leaf.Count >= 2 * minLeaf || rightLeaf.Count >= 2 * minLeaf))
            {
                var (small, large) = leaf.NonZeros <= rightLeaf.NonZeros ? (leaf, rightLeaf) : (rightLeaf, leaf);
                small.Histogram = Build(small, g, h);
                Subtract(parentHistogram, small.Histogram);
                large.Histogram = parentHistogram;
                foreach (var child in (ReadOnlySpan<Leaf>)[leaf, rightLeaf])
                {
                    child.Best = FindBestSplit(child, featureMask, o);
                    ReleaseIfDone(child);
                }
            }
            else Release(parentHistogram);
        }

        foreach (var l in leaves)
        {
            if (l.Histogram is not null) Release(l.Histogram);
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

    /// <summary>A leaf whose best split gains nothing never will (its rows do not change), so its histogram goes back to the pool.</summary>
    private void ReleaseIfDone(Leaf leaf)
    {
        if (leaf.Best.Gain > 0 || leaf.Histogram is null) return;
        Release(leaf.Histogram);
        leaf.Histogram = null;
    }

    private void Release(Histogram histogram) => _pool.Add(histogram);

    /// <summary>A pooled histogram with room for <paramref name="capacity"/> bins: the smallest that fits, else the largest grown.</summary>
    private Histogram Rent(int capacity)
    {
        int fit = -1, largest = -1;
        for (var i = 0; i < _pool.Count; i++)
        {
            var length = _pool[i].Bins.Length;
            if (length >= capacity && (fit < 0 || length < _pool[fit].Bins.Length)) fit = i;
            if (largest < 0 || length > _pool[largest].Bins.Length) largest = i;
        }
        var pick = fit >= 0 ? fit : largest;
        Histogram histogram;
        if (pick < 0) histogram = new Histogram();
        else
        {
            histogram = _pool[pick];
            _pool[pick] = _pool[^1];
            _pool.RemoveAt(_pool.Count - 1);
        }
        if (histogram.Bins.Length < capacity)
        {
            histogram.Bins = GC.AllocateUninitializedArray<int>(capacity);
            histogram.Sums = GC.AllocateUninitializedArray<BinSum>(capacity);
        }
        histogram.Count = 0;
        return histogram;
    }

    /// <summary>Sums the leaf's rows into the dense accumulator, then moves the touched bins out in increasing order and clears them.</summary>
    private Histogram Build(Leaf leaf, float[] g, float[] h)
    {
        var dense = _dense;
        var marks = _marks;
        var starts = _bins.RowStarts;
        var rowBins = _bins.RowBins;
        int lowest = int.MaxValue, highest = -1;
        foreach (var row in _rows.AsSpan(leaf.Begin, leaf.Count))
        {
            int begin = starts[row], end = starts[row + 1];
            if (begin == end) continue;
            double gr = g[row], hr = h[row];
            // A row's bins increase with its feature indices, so its first and last bound the bins it touches.
            lowest = Math.Min(lowest, rowBins[begin]);
            highest = Math.Max(highest, rowBins[end - 1]);
            for (var k = begin; k < end; k++)
            {
                var b = rowBins[k];
                ref var s = ref dense[b];
                s.G += gr;
                s.H += hr;
                s.Count++;
                marks[b >> 6] |= 1UL << b;
            }
        }
        if (highest < 0) return Rent(0);

        int firstWord = lowest >> 6, lastWord = highest >> 6;
        var touched = 0;
        for (var w = firstWord; w <= lastWord; w++) touched += BitOperations.PopCount(marks[w]);
        var histogram = Rent(touched);
        var bins = histogram.Bins;
        var sums = histogram.Sums;
        var n = 0;
        for (var w = firstWord; w <= lastWord; w++)
        {
            var bits = marks[w];
            if (bits == 0) continue;
            marks[w] = 0;
            do
            {
                var b = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bins[n] = b;
                sums[n++] = dense[b];
                dense[b] = default;
                bits &= bits - 1;
            }
            while (bits != 0);
        }
        histogram.Count = n;
        return histogram;
    }

    /// <summary>
    /// parent −= child, in place; the child's bins are a subset of the parent's. Bins left with no rows are
    /// dropped, so the result is exactly the list the other child would have built (up to rounding of the sums).
    /// </summary>
    private static void Subtract(Histogram parent, Histogram child)
    {
        var pb = parent.Bins;
        var ps = parent.Sums;
        var cb = child.Bins;
        var cs = child.Sums;
        int j = 0, n = 0, childCount = child.Count;
        for (var i = 0; i < parent.Count; i++)
        {
            var b = pb[i];
            var s = ps[i];
            if (j < childCount && cb[j] == b)
            {
                s.G -= cs[j].G;
                s.H -= cs[j].H;
                s.Count -= cs[j].Count;
                j++;
            }
            if (s.Count == 0) continue;
            pb[n] = b;
            ps[n++] = s;
        }
        parent.Count = n;
    }

    /// <summary>Stable in-place partition of the leaf's rows; returns how many went left and their non-zeros.</summary>
    private (int Count, long NonZeros) Partition(Leaf leaf, Split split)
    {
        var rows = _rows.AsSpan(leaf.Begin, leaf.Count);
        var starts = _bins.RowStarts;
        int l = 0, r = 0;
        long nonZeros = 0;
        foreach (var row in rows)
        {
            if (_bins.BinOf(row, split.Feature) <= split.Bin)
            {
                rows[l++] = row;
                nonZeros += starts[row + 1] - starts[row];
            }
            else _scratch[r++] = row;
        }
        _scratch.AsSpan(0, r).CopyTo(rows[l..]);
        return (l, nonZeros);
    }

    /// <summary>The best split of the leaf over the allowed features; Gain 0 when there is none.</summary>
    private Split FindBestSplit(Leaf leaf, bool[]? featureMask, FastTreeOptions o)
    {
        var best = new Split { Feature = -1 };
        var minLeaf = o.MinimumExampleCountPerLeaf;
        if (leaf.Count < 2 * minLeaf) return best;

        // Bins a leaf never touched are empty, so the only thresholds that change the partition are after a
        // listed bin or after the zero bin; the list groups by feature because global bins are feature-major.
        var histogram = leaf.Histogram!;
        var touched = histogram.Bins;
        var sums = histogram.Sums;
        var touchedCount = histogram.Count;
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
            for (var i = start; i < end; i++) { sg += sums[i].G; sh += sums[i].H; sc += sums[i].Count; }
            var zc = leaf.Count - sc;
            // With no row at zero its sums are exactly 0, not the rounding left by subtracting.
            double zg = zc == 0 ? 0 : leaf.G - sg, zh = zc == 0 ? 0 : leaf.H - sh;
            double lg = 0, lh = 0;
            var lc = 0;
            var zeroDone = false;
            for (var i = start; i <= end; i++)
            {
                // The next candidate bin in value order: the zero bin slots in before the first listed bin above it.
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
                    lg += sums[i].G; lh += sums[i].H; lc += sums[i].Count;
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
        return best;
    }
}
