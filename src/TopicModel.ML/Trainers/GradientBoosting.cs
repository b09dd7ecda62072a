namespace TopicModel.ML.Trainers;

/// <summary>
/// The boosting loop shared by <see cref="FastTree"/> (softmax) and <see cref="FastTreeBinary"/> (logistic):
/// features binned once; each iteration fits one regression tree per score column of the objective to its
/// gradients and hessians, with optional row bagging, per-tree feature sampling and early stopping on a seeded
/// validation split. The trees of one iteration grow in parallel; each depends only on its column and the seed,
/// so the model is the same for any thread count.
/// </summary>
internal static class GradientBoosting
{
    /// <summary>The initial scores and the kept trees, iteration-major (tree t belongs to column t % Outputs).</summary>
    public static (float[] Initial, RegressionTree[] Trees) Fit(
        RowSource rows, ReadOnlySpan<int> examples, int featureCount, BoostingObjective objective, FastTreeOptions o, string trainer,
        CancellationToken cancellation = default)
    {
        var outputs = objective.Outputs;
        var (train, validation) = SplitForEarlyStopping(examples, o, trainer);
        var n = train.Length;
        var initial = objective.InitialScores(train);
        var bins = FeatureBins.Build(rows, train, featureCount, o.MaximumBinCountPerFeature);

        var scores = new float[n * outputs];
        for (var r = 0; r < n; r++) initial.CopyTo(scores, r * outputs);
        var validationScores = new float[validation.Length * outputs];
        for (var v = 0; v < validation.Length; v++) initial.CopyTo(validationScores, v * outputs);

        var g = new float[outputs][];
        var h = new float[outputs][];
        for (var k = 0; k < outputs; k++) { g[k] = new float[n]; h[k] = new float[n]; }
        var workers = Math.Min(outputs, o.NumberOfThreads ?? Environment.ProcessorCount);
        var growers = new TreeGrower?[workers];
        var masks = new bool[workers][];

        var trees = new List<RegressionTree>(o.NumberOfTrees * outputs);
        var iterationTrees = new RegressionTree[outputs];
        var all = Enumerable.Range(0, n).ToArray();
        var inSample = o.RowFraction < 1 ? new bool[n] : null;
        var sampleRandom = new Random(o.Seed);
        int bestIteration = -1;
        var bestLoss = double.PositiveInfinity;
        for (var iteration = 0; iteration < o.NumberOfTrees; iteration++)
        {
            cancellation.ThrowIfCancellationRequested();
            objective.Gradients(train, scores, g, h);
            var sample = inSample is null ? all : Sample(sampleRandom, n, o.RowFraction, inSample);
            var it = iteration;
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                var grower = growers[w] ??= new TreeGrower(bins);
                for (var k = w; k < outputs; k += workers)
                {
                    var mask = o.FeatureFraction < 1 ? FeatureMask(masks[w] ??= new bool[featureCount], o, it, k) : null;
                    var tree = grower.Grow(sample, g[k], h[k], mask, o, scores, outputs, k);
                    iterationTrees[k] = tree;
                    if (inSample is not null)
                    {
                        for (var r = 0; r < n; r++)
                        {
                            if (!inSample[r]) scores[r * outputs + k] += tree.Output(rows.Indices(train[r]), rows.Values(train[r]));
                        }
                    }
                    for (var v = 0; v < validation.Length; v++)
                        validationScores[v * outputs + k] += tree.Output(rows.Indices(validation[v]), rows.Values(validation[v]));
                }
            });
            trees.AddRange(iterationTrees);

            if (validation.Length == 0) continue;
            var loss = 0d;
            for (var v = 0; v < validation.Length; v++) loss += objective.Loss(validation[v], validationScores.AsSpan(v * outputs, outputs));
            if (loss < bestLoss * (1 - 1e-9)) (bestLoss, bestIteration) = (loss, iteration);
            else if (iteration - bestIteration >= o.EarlyStoppingRounds) break;
        }
        if (validation.Length > 0) trees.RemoveRange((bestIteration + 1) * outputs, trees.Count - (bestIteration + 1) * outputs);
        return (initial, [.. trees]);
    }

    /// <summary>All examples for training when early stopping is off; otherwise a seeded random validation set held out.</summary>
    private static (int[] Train, int[] Validation) SplitForEarlyStopping(ReadOnlySpan<int> examples, FastTreeOptions o, string trainer)
    {
        if (o.EarlyStoppingRounds == 0) return (examples.ToArray(), []);
        var count = examples.Length;
        var held = (int)Math.Round(count * (double)o.ValidationFraction);
        if (held < 1 || held >= count)
            throw new TopicModelException($"{trainer}: early stopping needs examples both to train and to validate on; ValidationFraction {o.ValidationFraction} of {count} examples holds out {held}");
        var order = Enumerable.Range(0, count).ToArray();
        new Random(o.Seed ^ 0x5bd1e995).Shuffle(order);
        var ex = examples.ToArray();
        return ([.. order[held..].Order().Select(i => ex[i])], [.. order[..held].Order().Select(i => ex[i])]);
    }

    /// <summary>A sorted random subset of round(fraction·n) rows (at least one), marked in <paramref name="inSample"/>.</summary>
    private static int[] Sample(Random random, int n, float fraction, bool[] inSample)
    {
        var m = Math.Clamp((int)Math.Round(n * (double)fraction), 1, n);
        Array.Clear(inSample);
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < m; i++)
        {
            var j = random.Next(i, n);
            (order[i], order[j]) = (order[j], order[i]);
            inSample[order[i]] = true;
        }
        Array.Sort(order, 0, m);
        return order[..m];
    }

    /// <summary>The features the tree of column <paramref name="k"/> at <paramref name="iteration"/> may split on; seeded by both, so independent of thread scheduling.</summary>
    private static bool[] FeatureMask(bool[] mask, FastTreeOptions o, int iteration, int k)
    {
        var random = new Random(unchecked(o.Seed * 1_000_003 + iteration * 7_919 + k + 1));
        // Selection sampling (Knuth's algorithm S): exactly round(fraction·features) of them, at least one.
        var m = Math.Clamp((int)Math.Round(mask.Length * (double)o.FeatureFraction), 1, Math.Max(mask.Length, 1));
        for (var f = 0; f < mask.Length; f++)
        {
            mask[f] = random.NextDouble() * (mask.Length - f) < m;
            if (mask[f]) m--;
        }
        return mask;
    }
}
