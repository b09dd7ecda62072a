using TopicModel.ML.Data;

namespace TopicModel.ML.Trainers;

/// <summary>
/// Gradient-boosted decision trees (ML.NET's FastTree; the algorithm is LightGBM's histogram boosting).
/// Features are binned once; each iteration fits one regression tree per class to the gradients and
/// hessians of the softmax log-loss, grown leaf-wise (the leaf whose best split gains most is split next)
/// with Newton leaf values −G/(H+λ) shrunk by the learning rate. Histograms cost the non-zeros of a leaf's
/// rows, so sparse text features stay cheap. The trees of one iteration grow in parallel; each depends only
/// on its class and the seed, so the model is the same for any thread count.
/// </summary>
public sealed class FastTree : IMulticlassTrainer
{
    public const string TrainerName = "FastTree";

    public FastTree(FastTreeOptions? options = null)
    {
        Options = options ?? new FastTreeOptions();
        var o = Options;
        if (o.NumberOfLeaves < 2)
            throw new TopicModelException($"{TrainerName}: NumberOfLeaves must be at least 2, not {o.NumberOfLeaves}");
        if (o.NumberOfTrees < 1)
            throw new TopicModelException($"{TrainerName}: NumberOfTrees must be at least 1, not {o.NumberOfTrees}");
        if (o.MinimumExampleCountPerLeaf < 1)
            throw new TopicModelException($"{TrainerName}: MinimumExampleCountPerLeaf must be at least 1, not {o.MinimumExampleCountPerLeaf}");
        if (!(o.LearningRate >= 0) || !float.IsFinite(o.LearningRate))
            throw new TopicModelException($"{TrainerName}: LearningRate must be a finite number ≥ 0, not {o.LearningRate}");
        if (o.MaximumBinCountPerFeature is < 2 or > 65536)
            throw new TopicModelException($"{TrainerName}: MaximumBinCountPerFeature must be from 2 to 65536, not {o.MaximumBinCountPerFeature}");
        if (!(o.L2Regularization >= 0) || !float.IsFinite(o.L2Regularization))
            throw new TopicModelException($"{TrainerName}: L2Regularization must be a finite number ≥ 0, not {o.L2Regularization}");
        if (!(o.FeatureFraction > 0 && o.FeatureFraction <= 1))
            throw new TopicModelException($"{TrainerName}: FeatureFraction must be in (0, 1], not {o.FeatureFraction}");
        if (!(o.RowFraction > 0 && o.RowFraction <= 1))
            throw new TopicModelException($"{TrainerName}: RowFraction must be in (0, 1], not {o.RowFraction}");
        if (o.EarlyStoppingRounds < 0)
            throw new TopicModelException($"{TrainerName}: EarlyStoppingRounds must be ≥ 0 (0 turns it off), not {o.EarlyStoppingRounds}");
        if (!(o.ValidationFraction > 0 && o.ValidationFraction < 1))
            throw new TopicModelException($"{TrainerName}: ValidationFraction must be in (0, 1), not {o.ValidationFraction}");
        if (o.NumberOfThreads is < 1)
            throw new TopicModelException($"{TrainerName}: NumberOfThreads must be at least 1, not {o.NumberOfThreads}");
    }

    public FastTreeOptions Options { get; }
    public string Name => TrainerName;

    public IMulticlassModel Fit(MulticlassDataset data) => FitModel(data);

    /// <summary>As <see cref="Fit"/>, typed to expose the trees.</summary>
    public FastTreeModel FitModel(MulticlassDataset data)
    {
        TrainingData.Check(data, TrainerName);
        var o = Options;
        int classes = data.ClassCount, features = data.FeatureCount;
        var (train, validation) = SplitForEarlyStopping(data.Count);
        var n = train.Length;
        var bins = FeatureBins.Build(data.Rows, train, features, o.MaximumBinCountPerFeature);

        var weights = new float[n];
        var labels = new int[n];
        var classWeight = new double[classes];
        for (var r = 0; r < n; r++)
        {
            weights[r] = data.WeightOf(train[r]);
            labels[r] = data.Labels[train[r]];
            classWeight[labels[r]] += weights[r];
        }
        var totalWeight = classWeight.Sum();
        if (totalWeight <= 0)
            throw new TopicModelException($"{TrainerName}: the examples left for training after the validation split all have weight zero");
        var prior = new float[classes];
        for (var k = 0; k < classes; k++) prior[k] = (float)Math.Log(Math.Max(classWeight[k] / totalWeight, 1e-6));

        var scores = new float[n * classes];
        for (var r = 0; r < n; r++) prior.CopyTo(scores, r * classes);
        var validationScores = new float[validation.Length * classes];
        for (var v = 0; v < validation.Length; v++) prior.CopyTo(validationScores, v * classes);

        var g = new float[classes][];
        var h = new float[classes][];
        for (var k = 0; k < classes; k++) { g[k] = new float[n]; h[k] = new float[n]; }
        var workers = Math.Min(classes, o.NumberOfThreads ?? Environment.ProcessorCount);
        var growers = new TreeGrower?[workers];
        var masks = new bool[workers][];

        var trees = new List<RegressionTree>(o.NumberOfTrees * classes);
        var iterationTrees = new RegressionTree[classes];
        var all = Enumerable.Range(0, n).ToArray();
        var inSample = o.RowFraction < 1 ? new bool[n] : null;
        var sampleRandom = new Random(o.Seed);
        int bestIteration = -1;
        var bestLoss = double.PositiveInfinity;
        var probabilities = new float[classes];
        for (var iteration = 0; iteration < o.NumberOfTrees; iteration++)
        {
            Gradients(scores, labels, weights, g, h, classes);
            var sample = inSample is null ? all : Sample(sampleRandom, n, o.RowFraction, inSample);
            var it = iteration;
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                var grower = growers[w] ??= new TreeGrower(bins);
                for (var k = w; k < classes; k += workers)
                {
                    var mask = o.FeatureFraction < 1 ? FeatureMask(masks[w] ??= new bool[features], it, k) : null;
                    var tree = grower.Grow(sample, g[k], h[k], mask, o, scores, classes, k);
                    iterationTrees[k] = tree;
                    if (inSample is not null)
                    {
                        for (var r = 0; r < n; r++)
                        {
                            if (!inSample[r]) scores[r * classes + k] += tree.Output(data.Rows[train[r]]);
                        }
                    }
                    for (var v = 0; v < validation.Length; v++) validationScores[v * classes + k] += tree.Output(data.Rows[validation[v]]);
                }
            });
            trees.AddRange(iterationTrees);

            if (validation.Length == 0) continue;
            var loss = 0d;
            for (var v = 0; v < validation.Length; v++)
            {
                validationScores.AsSpan(v * classes, classes).CopyTo(probabilities);
                MaximumEntropyModel.Softmax(probabilities);
                var i = validation[v];
                loss -= data.WeightOf(i) * Math.Log(Math.Max(probabilities[data.Labels[i]], 1e-15));
            }
            if (loss < bestLoss * (1 - 1e-9)) (bestLoss, bestIteration) = (loss, iteration);
            else if (iteration - bestIteration >= o.EarlyStoppingRounds) break;
        }
        if (validation.Length > 0) trees.RemoveRange((bestIteration + 1) * classes, trees.Count - (bestIteration + 1) * classes);
        return new FastTreeModel(data.ClassNames, features, prior, [.. trees]);
    }

    /// <summary>All examples for training when early stopping is off; otherwise a seeded random validation set held out.</summary>
    private (int[] Train, int[] Validation) SplitForEarlyStopping(int count)
    {
        if (Options.EarlyStoppingRounds == 0) return (Enumerable.Range(0, count).ToArray(), []);
        var held = (int)Math.Round(count * (double)Options.ValidationFraction);
        if (held < 1 || held >= count)
            throw new TopicModelException($"{TrainerName}: early stopping needs examples both to train and to validate on; ValidationFraction {Options.ValidationFraction} of {count} examples holds out {held}");
        var order = Enumerable.Range(0, count).ToArray();
        new Random(Options.Seed ^ 0x5bd1e995).Shuffle(order);
        return ([.. order[held..].Order()], [.. order[..held].Order()]);
    }

    /// <summary>Softmax log-loss: g = w·(p − y), h = w·p(1 − p) per class.</summary>
    private static void Gradients(float[] scores, int[] labels, float[] weights, float[][] g, float[][] h, int classes)
    {
        Span<float> p = classes <= 256 ? stackalloc float[classes] : new float[classes];
        for (var r = 0; r < labels.Length; r++)
        {
            scores.AsSpan(r * classes, classes).CopyTo(p);
            MaximumEntropyModel.Softmax(p);
            var w = weights[r];
            for (var k = 0; k < classes; k++)
            {
                var pk = p[k];
                g[k][r] = w * (pk - (labels[r] == k ? 1f : 0f));
                h[k][r] = w * Math.Max(pk * (1f - pk), 1e-6f);
            }
        }
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

    /// <summary>The features the tree of class <paramref name="k"/> at <paramref name="iteration"/> may split on; seeded by both, so independent of thread scheduling.</summary>
    private bool[] FeatureMask(bool[] mask, int iteration, int k)
    {
        var random = new Random(unchecked(Options.Seed * 1_000_003 + iteration * 7_919 + k + 1));
        // Selection sampling (Knuth's algorithm S): exactly round(fraction·features) of them, at least one.
        var m = Math.Clamp((int)Math.Round(mask.Length * (double)Options.FeatureFraction), 1, Math.Max(mask.Length, 1));
        for (var f = 0; f < mask.Length; f++)
        {
            mask[f] = random.NextDouble() * (mask.Length - f) < m;
            if (mask[f]) m--;
        }
        return mask;
    }
}
