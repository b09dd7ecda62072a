using TopicModel.ML.Data;
using TopicModel.ML.Sparse;
using TopicModel.ML.Trainers;

namespace TopicModel.ML.Tests.Trainers;

/// <summary>Behaviour specific to <see cref="FastTree"/>: non-linear fits, split search, every option, early stopping, the model format.</summary>
public sealed class FastTreeTests
{
    private static SparseVector Row(params float[] dense)
    {
        var indices = Enumerable.Range(0, dense.Length).Where(j => dense[j] != 0).ToArray();
        return new SparseVector(dense.Length, indices, indices.Select(j => dense[j]).ToArray());
    }

    /// <summary>Label = (x0 &gt; 0.5) XOR (x1 &gt; 0.5), plus four uniform noise features; no linear model does better than chance.</summary>
    private static MulticlassDataset Xor(int examples, int seed)
    {
        var random = new Random(seed);
        var rows = new List<SparseVector>();
        var labels = new int[examples];
        for (var i = 0; i < examples; i++)
        {
            var x = Enumerable.Range(0, 6).Select(_ => (float)random.NextDouble()).ToArray();
            labels[i] = (x[0] > 0.5f) ^ (x[1] > 0.5f) ? 1 : 0;
            rows.Add(Row(x));
        }
        return new MulticlassDataset(rows, labels, ["same", "different"]);
    }

    /// <summary>Small data with zeros, negatives and repeated values in every feature, three classes.</summary>
    private static MulticlassDataset Small(int examples, int seed)
    {
        var random = new Random(seed);
        var rows = new List<SparseVector>();
        var labels = new int[examples];
        for (var i = 0; i < examples; i++)
        {
            var x = Enumerable.Range(0, 5).Select(_ => random.NextDouble() < 0.4 ? 0f : MathF.Round((float)random.NextDouble() * 8 - 2, 1)).ToArray();
            labels[i] = x[0] + x[2] > 2 ? 0 : random.NextDouble() < 0.5 ? 1 : 2;
            rows.Add(Row(x));
        }
        return new MulticlassDataset(rows, labels, ["a", "b", "c"]);
    }

    private static double Accuracy(IMulticlassModel model, MulticlassDataset data)
    {
        var p = new float[data.ClassCount];
        var correct = 0;
        for (var i = 0; i < data.Count; i++)
        {
            model.PredictProbabilities(data.Rows[i], p);
            if (Array.IndexOf(p, p.Max()) == data.Labels[i]) correct++;
        }
        return correct / (double)data.Count;
    }

    private static IEnumerable<RegressionTree> Trees(FastTreeModel model) =>
        Enumerable.Range(0, model.IterationCount).SelectMany(t => Enumerable.Range(0, model.ClassNames.Count).Select(k => model.Tree(t, k)));

    private static byte[] Save(IMulticlassModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            ModelSerializer.Save(model, writer);
        return stream.ToArray();
    }

    [Fact]
    public void LearnsAnXorInteractionALinearModelCannot()
    {
        var train = Xor(600, seed: 1);
        var test = Xor(400, seed: 2);

        var trees = new FastTree(new FastTreeOptions { NumberOfTrees = 50, Seed = 1 }).FitModel(train);
        var linear = new LbfgsMaximumEntropy().Fit(train);

        Assert.True(Accuracy(trees, test) > 0.9, $"FastTree accuracy {Accuracy(trees, test):F3}");
        Assert.True(Accuracy(linear, test) < 0.7, $"linear accuracy {Accuracy(linear, test):F3}");
        // The two features of the interaction carry almost all of the gain.
        var importance = trees.FeatureImportance();
        Assert.True(importance[0] + importance[1] > 0.8 * importance.Sum(), string.Join(", ", importance));
    }

    [Fact]
    public void FirstSplitOfEveryClassMatchesABruteForceSearch()
    {
        var data = Small(80, seed: 3);
        const float lambda = 0.5f;
        const int minLeaf = 4;
        var model = new FastTree(new FastTreeOptions
        {
            NumberOfTrees = 1, NumberOfLeaves = 2, MinimumExampleCountPerLeaf = minLeaf, L2Regularization = lambda, LearningRate = 1,
        }).FitModel(data);

        var dense = data.Rows.Select(r => Enumerable.Range(0, r.Dimension).Select(j => RegressionTree.ValueOf(r, j)).ToArray()).ToArray();
        var p = model.Prior.ToArray();
        MaximumEntropyModel.Softmax(p);
        for (var k = 0; k < data.ClassCount; k++)
        {
            var g = data.Labels.Select(y => (double)(p[k] - (y == k ? 1f : 0f))).ToArray();
            var h = data.Labels.Select(_ => (double)Math.Max(p[k] * (1f - p[k]), 1e-6f)).ToArray();
            double G = g.Sum(), H = h.Sum();
            var (bestGain, bestFeature, bestLeft) = (0d, -1, Array.Empty<bool>());
            for (var f = 0; f < data.FeatureCount; f++)
            {
                foreach (var t in dense.Select(x => x[f]).Distinct().Order())
                {
                    var left = dense.Select(x => x[f] <= t).ToArray();
                    var lc = left.Count(b => b);
                    if (lc < minLeaf || data.Count - lc < minLeaf) continue;
                    double lg = 0, lh = 0;
                    for (var i = 0; i < data.Count; i++) if (left[i]) { lg += g[i]; lh += h[i]; }
                    var gain = lg * lg / (lh + lambda) + (G - lg) * (G - lg) / (H - lh + lambda) - G * G / (H + lambda);
                    if (gain > bestGain + 1e-9) (bestGain, bestFeature, bestLeft) = (gain, f, left);
                }
            }

            var tree = model.Tree(0, k);
            Assert.Equal(1, tree.InternalNodeCount);
            Assert.Equal(bestFeature, tree.SplitFeature(0));
            Assert.Equal(bestGain, tree.SplitGain(0), 4);
            var goesLeft = dense.Select(x => x[bestFeature] <= tree.Threshold(0)).ToArray();
            Assert.Equal(bestLeft, goesLeft);
            // Newton leaf values of the two sides.
            double sg = 0, sh = 0;
            for (var i = 0; i < data.Count; i++) if (goesLeft[i]) { sg += g[i]; sh += h[i]; }
            Assert.Equal(-sg / (sh + lambda), tree.LeafValue(~tree.LeftChild(0)), 4);
            Assert.Equal(-(G - sg) / (H - sh + lambda), tree.LeafValue(~tree.RightChild(0)), 4);
        }
    }

    /// <summary>
    /// Brute force over every feature and threshold of the rows reaching a node: the largest gain
    /// G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) with both sides keeping <paramref name="minLeaf"/> rows.
    /// </summary>
    private static double BruteForceBestGain(float[][] dense, int[] rows, double[] g, double[] h, double lambda, int minLeaf)
    {
        double G = rows.Sum(i => g[i]), H = rows.Sum(i => h[i]);
        var best = 0d;
        for (var f = 0; f < dense[0].Length; f++)
        {
            foreach (var t in rows.Select(i => dense[i][f]).Distinct())
            {
                var left = rows.Where(i => dense[i][f] <= t).ToArray();
                if (left.Length < minLeaf || rows.Length - left.Length < minLeaf) continue;
                double lg = left.Sum(i => g[i]), lh = left.Sum(i => h[i]);
                best = Math.Max(best, lg * lg / (lh + lambda) + (G - lg) * (G - lg) / (H - lh + lambda) - G * G / (H + lambda));
            }
        }
        return best;
    }

    /// <summary>
    /// Below the root, histograms come from subtracting the smaller child from the parent: every node of a deep
    /// tree, softmax or binary, must still split its own rows at the best gain a brute-force search finds there.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EverySplitOfADeepTreeIsTheBestOnItsRows(bool binary)
    {
        var data = Small(150, seed: 21);
        const float lambda = 0.5f;
        const int minLeaf = 3;
        var options = new FastTreeOptions { NumberOfTrees = 1, NumberOfLeaves = 12, MinimumExampleCountPerLeaf = minLeaf, L2Regularization = lambda, LearningRate = 1 };
        var dense = data.Rows.Select(r => Enumerable.Range(0, r.Dimension).Select(j => RegressionTree.ValueOf(r, j)).ToArray()).ToArray();
        List<(RegressionTree Tree, double[] G, double[] H)> cases = [];
        if (binary)
        {
            var positive = data.Labels.Select(y => y == 1).ToArray();
            var model = new FastTreeBinary(options).FitModel(CsrMatrix.FromDataset(data), Enumerable.Range(0, data.Count).ToArray(), positive, Enumerable.Repeat(1f, data.Count).ToArray());
            var p = 1 / (1 + Math.Exp(-model.BaseScore));
            Assert.Equal(Math.Log(positive.Count(b => b) / (double)positive.Count(b => !b)), model.BaseScore, 5);
            cases.Add((model.Trees[0], positive.Select(b => p - (b ? 1 : 0)).ToArray(), positive.Select(_ => p * (1 - p)).ToArray()));
        }
        else
        {
            var model = new FastTree(options).FitModel(data);
            var p = model.Prior.ToArray();
            MaximumEntropyModel.Softmax(p);
            for (var k = 0; k < data.ClassCount; k++)
                cases.Add((model.Tree(0, k), data.Labels.Select(y => (double)(p[k] - (y == k ? 1f : 0f))).ToArray(), data.Labels.Select(_ => (double)Math.Max(p[k] * (1f - p[k]), 1e-6f)).ToArray()));
        }

        Assert.Contains(cases, c => c.Tree.InternalNodeCount >= 8);
        foreach (var (tree, g, h) in cases)
        {
            // The rows reaching each internal node, by routing every example from the root.
            var reaching = Enumerable.Range(0, tree.InternalNodeCount).Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < data.Count; i++)
            {
                for (var node = 0; node >= 0;)
                {
                    reaching[node].Add(i);
                    node = dense[i][tree.SplitFeature(node)] <= tree.Threshold(node) ? tree.LeftChild(node) : tree.RightChild(node);
                }
            }
            for (var node = 0; node < tree.InternalNodeCount; node++)
            {
                var rows = reaching[node].ToArray();
                Assert.Equal(BruteForceBestGain(dense, rows, g, h, lambda, minLeaf), tree.SplitGain(node), 3);
            }
        }
    }

    [Fact]
    public void OneVersusAllOverBinaryTreesLearnsXorAndRoundTrips()
    {
        var train = Xor(600, seed: 1);
        var test = Xor(400, seed: 2);
        var trees = new OneVersusAll(new OneVersusAllOptions
        {
            CalibrationFolds = 1, BinaryLearner = new FastTreeBinary(new FastTreeOptions { NumberOfTrees = 50, Seed = 1 }),
        }).FitModel(train);
        var linear = new OneVersusAll(new OneVersusAllOptions { CalibrationFolds = 1 }).FitModel(train);

        Assert.True(Accuracy(trees, test) > 0.9, $"OneVersusAll/FastTree accuracy {Accuracy(trees, test):F3}");
        Assert.True(Accuracy(linear, test) < 0.7, $"OneVersusAll/LinearSvm accuracy {Accuracy(linear, test):F3}");
        var classifier = Assert.IsType<FastTreeBinaryModel>(trees.Classifier(1));
        Assert.Equal(50, classifier.Trees.Count);
        // The two features of the interaction carry almost all of the split gain.
        var gains = new double[6];
        foreach (var t in classifier.Trees)
        {
            for (var i = 0; i < t.InternalNodeCount; i++) gains[t.SplitFeature(i)] += t.SplitGain(i);
        }
        Assert.True(gains[0] + gains[1] > 0.8 * gains.Sum(), string.Join(", ", gains));

        var bytes = Save(trees);
        var loaded = Assert.IsType<OneVersusAllModel>(ModelSerializer.Load(new BinaryReader(new MemoryStream(bytes))));
        Assert.Equal(FastTreeBinary.LearnerName, loaded.BinaryLearner);
        Assert.Equal(bytes, Save(loaded));
        var (a, b) = (new float[2], new float[2]);
        foreach (var row in test.Rows)
        {
            trees.PredictProbabilities(row, a);
            loaded.PredictProbabilities(row, b);
            Assert.Equal(a, b);
        }
        var error = Assert.Throws<TopicModelException>(() => trees.ClassWeights(0));
        Assert.Contains("a FastTree model has no weight rows", error.Message);
    }

    [Fact]
    public void BinaryEarlyStoppingStopsOnNoiseAndKeepsTheBestIteration()
    {
        var source = SyntheticData.Topics(300, 3, 40, 20, 0.5, seed: 22);
        var noise = new Random(2);
        var positive = source.Labels.Select(_ => noise.Next(2) == 0).ToArray();
        var x = CsrMatrix.FromDataset(source);
        var all = Enumerable.Range(0, source.Count).ToArray();
        var ones = Enumerable.Repeat(1f, source.Count).ToArray();
        var options = new FastTreeOptions { NumberOfTrees = 200, EarlyStoppingRounds = 5, ValidationFraction = 0.2f, MinimumExampleCountPerLeaf = 2 };
        Assert.InRange(new FastTreeBinary(options).FitModel(x, all, positive, ones).Trees.Count, 0, 30);

        var learnable = source.Labels.Select(y => y == 0).ToArray();
        Assert.True(new FastTreeBinary(options with { NumberOfTrees = 60, LearningRate = 0.05f, MinimumExampleCountPerLeaf = 10 }).FitModel(x, all, learnable, ones).Trees.Count > 30);
    }

    /// <summary>
    /// Text features next to dense ones (an LDA topic mixture: non-zero in every row) in the same rows: the
    /// trees find the dense column the label depends on among hundreds of sparse ones, and a dense column is
    /// binned by its quantiles like any other.
    /// </summary>
    [Fact]
    public void DenseColumnsBesideSparseTextAreBinnedAndSplitOn()
    {
        var text = SyntheticData.Topics(400, 2, 200, 15, 0.3, seed: 23);
        var random = new Random(5);
        const int topics = 4;
        var rows = new List<SparseVector>();
        var labels = new int[text.Count];
        for (var i = 0; i < text.Count; i++)
        {
            // A topic mixture (sums to 1); the label is whether topic 2 dominates, unrelated to the words.
            var mixture = Enumerable.Range(0, topics).Select(_ => (float)random.NextDouble() + 0.01f).ToArray();
            var sum = mixture.Sum();
            for (var t = 0; t < topics; t++) mixture[t] /= sum;
            labels[i] = mixture[2] > 0.3f ? 1 : 0;
            var sparse = text.Rows[i];
            rows.Add(new SparseVector(text.FeatureCount + topics,
                [.. sparse.Indices, .. Enumerable.Range(text.FeatureCount, topics)], [.. sparse.Values, .. mixture]));
        }
        var data = new MulticlassDataset(rows[..300], labels[..300], ["no", "yes"]);
        var test = new MulticlassDataset(rows[300..], labels[300..], ["no", "yes"]);

        var model = new FastTree(new FastTreeOptions { NumberOfTrees = 30, MinimumExampleCountPerLeaf = 5 }).FitModel(data);
        Assert.True(Accuracy(model, test) > 0.9, $"accuracy {Accuracy(model, test):F3}");
        var importance = model.FeatureImportance();
        Assert.True(importance[text.FeatureCount + 2] > 0.5 * importance.Sum(), $"topic 2 has {importance[text.FeatureCount + 2]} of {importance.Sum()}");
        // The first split is on topic 2, at a threshold that separates the labels (not at zero, the sparse default).
        var root = model.Tree(0, 1);
        Assert.Equal(text.FeatureCount + 2, root.SplitFeature(0));
        Assert.InRange(root.Threshold(0), 0.25f, 0.35f);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(16)]
    public void TreesHaveAtMostNumberOfLeaves(int leaves)
    {
        var data = SyntheticData.Topics(300, 4, 60, 20, 0.5, seed: 4);
        var model = new FastTree(new FastTreeOptions { NumberOfLeaves = leaves, NumberOfTrees = 5, MinimumExampleCountPerLeaf = 2 }).FitModel(data);
        Assert.All(Trees(model), t => Assert.True(t.LeafCount <= leaves));
        Assert.Contains(Trees(model), t => t.LeafCount == leaves);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(40)]
    public void EveryLeafKeepsMinimumExampleCount(int minimum)
    {
        var data = SyntheticData.Topics(300, 4, 60, 20, 0.5, seed: 5);
        var model = new FastTree(new FastTreeOptions { MinimumExampleCountPerLeaf = minimum, NumberOfTrees = 5, NumberOfLeaves = 64 }).FitModel(data);
        foreach (var tree in Trees(model))
        {
            var counts = new int[tree.LeafCount];
            foreach (var row in data.Rows) counts[tree.Leaf(row)]++;
            Assert.All(counts, c => Assert.True(c >= minimum, $"a leaf has {c} examples"));
        }
        Assert.Contains(Trees(model), t => t.LeafCount > 1);
    }

    [Fact]
    public void NumberOfTreesIsTheIterationCount()
    {
        var data = SyntheticData.Topics(100, 3, 30, 10, 0.5, seed: 6);
        var model = new FastTree(new FastTreeOptions { NumberOfTrees = 7 }).FitModel(data);
        Assert.Equal(7, model.IterationCount);
    }

    [Fact]
    public void LearningRateZeroPredictsTheClassPrior()
    {
        var data = SyntheticData.Topics(200, 3, 30, 10, 0.5, seed: 7);
        var model = new FastTree(new FastTreeOptions { LearningRate = 0, NumberOfTrees = 3 }).FitModel(data);
        var frequencies = Enumerable.Range(0, 3).Select(k => data.Labels.Count(y => y == k) / (double)data.Count).ToArray();
        var p = new float[3];
        foreach (var row in data.Rows)
        {
            model.PredictProbabilities(row, p);
            for (var k = 0; k < 3; k++) Assert.Equal(frequencies[k], p[k], 5);
        }
    }

    [Fact]
    public void L2RegularizationShrinksLeafValues()
    {
        var data = SyntheticData.Topics(200, 3, 30, 10, 0.5, seed: 8);
        float Largest(float l2) => Trees(new FastTree(new FastTreeOptions { L2Regularization = l2, NumberOfTrees = 1 }).FitModel(data))
            .SelectMany(t => Enumerable.Range(0, t.LeafCount).Select(j => Math.Abs(t.LeafValue(j)))).Max();
        Assert.True(Largest(100) < 0.5f * Largest(0), $"{Largest(100)} vs {Largest(0)}");
    }

    [Fact]
    public void FeatureFractionLimitsTheFeaturesATreeSplitsOn()
    {
        var data = SyntheticData.Topics(300, 3, 40, 20, 0.5, seed: 9);
        var model = new FastTree(new FastTreeOptions { FeatureFraction = 0.1f, NumberOfTrees = 5, MinimumExampleCountPerLeaf = 2 }).FitModel(data);
        Assert.All(Trees(model), t => Assert.True(Enumerable.Range(0, t.InternalNodeCount).Select(t.SplitFeature).Distinct().Count() <= 4));
        Assert.True(Trees(model).SelectMany(t => Enumerable.Range(0, t.InternalNodeCount).Select(t.SplitFeature)).Distinct().Count() > 4);
    }

    [Fact]
    public void RowFractionBagsAndStaysDeterministic()
    {
        var data = SyntheticData.Topics(300, 3, 40, 20, 0.5, seed: 10);
        var options = new FastTreeOptions { RowFraction = 0.5f, NumberOfTrees = 10, MinimumExampleCountPerLeaf = 30, Seed = 3 };
        var bagged = new FastTree(options).FitModel(data);
        Assert.Equal(Save(bagged), Save(new FastTree(options).FitModel(data)));
        Assert.NotEqual(Save(bagged), Save(new FastTree(options with { RowFraction = 1 }).FitModel(data)));
        // A leaf needs 30 sampled examples, i.e. about 60 of the full data: some leaves fall below 30 overall only by chance.
        foreach (var tree in Trees(bagged))
        {
            var counts = new int[tree.LeafCount];
            foreach (var row in data.Rows) counts[tree.Leaf(row)]++;
            Assert.All(counts, c => Assert.True(c >= 30, $"a leaf has {c} examples"));
        }
    }

    [Fact]
    public void TwoBinsSplitOnlyZeroAgainstNonZero()
    {
        var data = SyntheticData.Topics(300, 3, 40, 20, 0.5, seed: 11);
        var model = new FastTree(new FastTreeOptions { MaximumBinCountPerFeature = 2, NumberOfTrees = 5 }).FitModel(data);
        foreach (var tree in Trees(model))
        {
            for (var i = 0; i < tree.InternalNodeCount; i++)
            {
                var f = tree.SplitFeature(i);
                var smallest = data.Rows.SelectMany(r => r.Indices.Zip(r.Values)).Where(e => e.First == f && e.Second != 0).Min(e => e.Second);
                Assert.InRange(tree.Threshold(i), 0f, smallest - 1e-9f);
            }
        }
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheModel()
    {
        var data = SyntheticData.Topics(200, 5, 40, 20, 0.5, seed: 12);
        var options = new FastTreeOptions { NumberOfTrees = 10, FeatureFraction = 0.5f, RowFraction = 0.7f, Seed = 4 };
        Assert.Equal(
            Save(new FastTree(options with { NumberOfThreads = 1 }).Fit(data)),
            Save(new FastTree(options with { NumberOfThreads = 3 }).Fit(data)));
    }

    [Fact]
    public void EarlyStoppingStopsWhenValidationLossStopsImproving()
    {
        // Labels are noise: validation loss gets worse almost at once.
        var source = SyntheticData.Topics(300, 3, 40, 20, 0.5, seed: 13);
        var noise = new Random(1);
        var data = new MulticlassDataset(source.Rows, source.Labels.Select(_ => noise.Next(3)).ToArray(), source.ClassNames);
        var model = new FastTree(new FastTreeOptions { NumberOfTrees = 200, EarlyStoppingRounds = 5, ValidationFraction = 0.2f, MinimumExampleCountPerLeaf = 2 }).FitModel(data);
        Assert.InRange(model.IterationCount, 0, 30);

        // On learnable data it keeps going well past that.
        var learnable = new FastTree(new FastTreeOptions { NumberOfTrees = 60, EarlyStoppingRounds = 5, LearningRate = 0.05f }).FitModel(source);
        Assert.True(learnable.IterationCount > 30, $"stopped after {learnable.IterationCount}");
    }

    [Fact]
    public void EarlyStoppingWithoutValidationExamplesFailsClearly()
    {
        var data = SyntheticData.Separable(4, 2, seed: 1);
        var error = Assert.Throws<TopicModelException>(() => new FastTree(new FastTreeOptions { EarlyStoppingRounds = 3, ValidationFraction = 0.05f }).Fit(data));
        Assert.StartsWith("FastTree: early stopping needs", error.Message);
    }

    [Fact]
    public void SaveAndLoadRoundTripPredictionsAndScoresExactly()
    {
        var data = Small(200, seed: 14);
        var model = new FastTree(new FastTreeOptions { NumberOfTrees = 20, MinimumExampleCountPerLeaf = 3 }).FitModel(data);
        var bytes = Save(model);
        var loaded = Assert.IsType<FastTreeModel>(ModelSerializer.Load(new BinaryReader(new MemoryStream(bytes))));
        Assert.Equal(bytes, Save(loaded));
        var (a, b) = (new float[3], new float[3]);
        foreach (var row in Small(100, seed: 15).Rows)
        {
            model.PredictScores(row, a);
            loaded.PredictScores(row, b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void TruncatedOrCorruptModelsFailClearly()
    {
        var model = new FastTree(new FastTreeOptions { NumberOfTrees = 3, MinimumExampleCountPerLeaf = 3 }).FitModel(Small(100, seed: 16));
        var bytes = Save(model);
        var truncated = Assert.Throws<TopicModelException>(() => ModelSerializer.Load(new BinaryReader(new MemoryStream(bytes[..^5]))));
        Assert.Contains("FastTree weights are truncated", truncated.Message);

        // The first tree's first node starts after version, tag, header, prior and iteration count: point its left child at itself.
        var header = 4 + 1 + "FastTree".Length + 4 + model.ClassNames.Sum(n => 1 + n.Length) + 4 + 4 * 3 + 4;
        Assert.True(model.Tree(0, 0).InternalNodeCount > 0);
        var corrupt = (byte[])bytes.Clone();
        BitConverter.GetBytes(0).CopyTo(corrupt, header + 4 + 4 + 4);
        var error = Assert.Throws<TopicModelException>(() => ModelSerializer.Load(new BinaryReader(new MemoryStream(corrupt))));
        Assert.Contains("FastTree weights are corrupt: node 0 has a bad child 0", error.Message);
    }

    [Fact]
    public void ContributionsAndRootValuesAddUpToTheScore()
    {
        var data = Small(200, seed: 17);
        var model = new FastTree(new FastTreeOptions { NumberOfTrees = 10, MinimumExampleCountPerLeaf = 3 }).FitModel(data);
        var scores = new float[3];
        foreach (var row in data.Rows.Take(20))
        {
            model.PredictScores(row, scores);
            for (var k = 0; k < 3; k++)
            {
                var sums = new Dictionary<int, float>();
                var roots = 0f;
                for (var t = 0; t < model.IterationCount; t++)
                {
                    model.Tree(t, k).AddContributions(row, sums);
                    if (model.Tree(t, k).InternalNodeCount > 0) roots += model.Tree(t, k).NodeValue(0);
                    else roots += model.Tree(t, k).LeafValue(0);
                }
                Assert.Equal(scores[k], model.Prior[k] + roots + sums.Values.Sum(), 3);
            }
        }
    }

    [Fact]
    public void FeatureBoundsGiveZeroItsOwnBin()
    {
        float[] values = [-3, -1, -1, 0.5f, 0.5f, 2, 7];
        var bounds = FeatureBins.Bounds(values, 255);
        var zero = FeatureBins.Bin(bounds, 0);
        Assert.All(values, v => Assert.NotEqual(zero, FeatureBins.Bin(bounds, v)));
        Assert.Equal(6, bounds.Length); // {-3}, {-1}, zero, {0.5}, {2}, {7}

        var coarse = FeatureBins.Bounds(values, 3);
        Assert.Equal(3, coarse.Length);
        Assert.Equal([0, 0, 0, 2, 2, 2, 2], values.Select(v => FeatureBins.Bin(coarse, v)));
        Assert.Equal(1, FeatureBins.Bin(coarse, 0));
    }
}
