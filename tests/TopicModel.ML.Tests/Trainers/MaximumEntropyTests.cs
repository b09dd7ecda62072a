using TopicModel.ML.Data;
using TopicModel.ML.Sparse;
using TopicModel.ML.Trainers;

namespace TopicModel.ML.Tests.Trainers;

/// <summary>Behaviour specific to the maximum entropy trainers: the objective, its optimizers and the model.</summary>
public sealed class MaximumEntropyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SoftmaxGradientMatchesFiniteDifferences(bool regularizeBias)
    {
        var data = SyntheticData.Topics(25, 3, 8, 6, 0.6, seed: 4, weighted: true);
        var objective = new SoftmaxObjective(CsrMatrix.FromDataset(data), data.Labels, data.Weights, 3, l2: 0.7, regularizeBias);
        var random = new Random(5);
        var parameters = Enumerable.Range(0, objective.Dimension).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var gradient = new double[objective.Dimension];
        objective.ValueAndGradient(parameters, gradient);

        var scratch = new double[objective.Dimension];
        const double h = 1e-5;
        for (var i = 0; i < parameters.Length; i++)
        {
            var saved = parameters[i];
            parameters[i] = saved + h;
            var up = objective.ValueAndGradient(parameters, scratch);
            parameters[i] = saved - h;
            var down = objective.ValueAndGradient(parameters, scratch);
            parameters[i] = saved;
            var numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                $"coordinate {i}: analytic {gradient[i]} vs numeric {numeric}");
        }
    }

    [Fact]
    public void LargerL1GivesSparserWeights()
    {
        var data = SyntheticData.Topics(300, 4, 200, 30, 0.5, seed: 6);
        long NonZero(float l1) => new LbfgsMaximumEntropy(new LbfgsMaximumEntropyOptions { L1Regularization = l1, L2Regularization = 0.1f, OptimizationTolerance = 1e-5f })
            .FitModel(data).NonZeroWeightCount;
        var dense = NonZero(0);
        var light = NonZero(0.3f);
        var heavy = NonZero(3f);
        Assert.True(dense > 0.95 * 4 * 200, $"without L1 only {dense} weights are non-zero");
        Assert.True(light < dense, $"L1 0.3 kept {light} of {dense}");
        Assert.True(heavy < light, $"L1 3 kept {heavy}, L1 0.3 kept {light}");
        Assert.True(heavy > 0, "L1 3 zeroed every weight");
    }

    [Fact]
    public void SdcaL1GivesSparserWeights()
    {
        var data = SyntheticData.Topics(300, 4, 200, 30, 0.5, seed: 6);
        long NonZero(float l1) => new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { L1Regularization = l1, L2Regularization = 1e-3f, ConvergenceTolerance = 0.01f })
            .FitModel(data).NonZeroWeightCount;
        var dense = NonZero(0);
        var light = NonZero(1e-3f);
        var heavy = NonZero(1e-2f);
        Assert.True(light < dense && heavy < light, $"non-zero weights: L1 0 → {dense}, 1e-3 → {light}, 1e-2 → {heavy}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.002)]
    public void SdcaAndLbfgsReachTheSameOptimum(double l1)
    {
        // SDCA minimizes mean loss + λ/2‖θ‖² + l1‖W‖₁ with the bias regularized; the same problem in
        // L-BFGS's summed form multiplies every term by the total example weight.
        var data = SyntheticData.Topics(200, 3, 60, 20, 0.4, seed: 8, weighted: true);
        const double lambda = 0.01;
        var total = data.Weights!.Sum(w => (double)w);
        var sdca = new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions
        {
            L2Regularization = (float)lambda, L1Regularization = (float)l1, ConvergenceTolerance = 1e-6f, MaximumNumberOfIterations = 1000, Seed = 3,
        }).Train(data);
        var objective = new SoftmaxObjective(CsrMatrix.FromDataset(data), data.Labels, data.Weights, 3, lambda * total, regularizeBias: true);
        var lbfgs = OwlqnMinimizer.Minimize(objective, new double[objective.Dimension], l1 * total, historySize: 20, tolerance: 1e-12, maxIterations: 2000);

        var lbfgsMean = lbfgs.Objective / total;
        Assert.True(sdca.Primal - sdca.Dual <= 1e-6 * sdca.Primal, $"duality gap {sdca.Primal - sdca.Dual} after {sdca.Passes} passes");
        Assert.True(sdca.Dual <= lbfgsMean + 1e-9, $"dual {sdca.Dual} above the L-BFGS minimum {lbfgsMean}");
        Assert.Equal(lbfgsMean, sdca.Primal, 5);
        Assert.Equal(lbfgsMean, objective.Value(SoftmaxObjective.Pack(sdca.Model), l1 * total) / total, 5);
    }

    [Theory]
    [InlineData(SdcaMaximumEntropy.TrainerName)]
    [InlineData(LbfgsMaximumEntropy.TrainerName)]
    public void LearnsLinearlySeparableDataPerfectly(string trainer)
    {
        var data = SyntheticData.Separable(90, 3, seed: 9);
        IMulticlassTrainer estimator = trainer == SdcaMaximumEntropy.TrainerName
            ? new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { L2Regularization = 1e-4f, ConvergenceTolerance = 0.01f })
            : new LbfgsMaximumEntropy(new LbfgsMaximumEntropyOptions { L2Regularization = 0.01f, L1Regularization = 0 });
        var model = (MaximumEntropyModel)estimator.Fit(data);
        for (var i = 0; i < data.Count; i++)
            Assert.Equal(data.Labels[i], model.Predict(data.Rows[i]));
        // The class's own feature should carry it, not the shared noise.
        for (var k = 0; k < 3; k++)
        {
            var explanation = model.Explain(new SparseVector(data.FeatureCount, [k], [1f]), k, 1);
            Assert.Equal(k, Assert.Single(explanation).Feature);
        }
    }

    [Fact]
    public void ExampleWeightsActLikeRepeatedExamples()
    {
        var data = SyntheticData.Topics(60, 3, 30, 10, 0.5, seed: 10);
        var weights = Enumerable.Range(0, data.Count).Select(i => (float)(1 + i % 3)).ToArray();
        var weighted = new MulticlassDataset(data.Rows, data.Labels, data.ClassNames, weights);
        var repeatedRows = new List<SparseVector>();
        var repeatedLabels = new List<int>();
        for (var i = 0; i < data.Count; i++)
        {
            for (var r = 0; r < weights[i]; r++)
            {
                repeatedRows.Add(data.Rows[i]);
                repeatedLabels.Add(data.Labels[i]);
            }
        }
        var repeated = new MulticlassDataset(repeatedRows, [.. repeatedLabels], data.ClassNames);
        var options = new LbfgsMaximumEntropyOptions { L2Regularization = 0.5f, L1Regularization = 0.05f, OptimizationTolerance = 1e-10f };

        var a = new LbfgsMaximumEntropy(options).FitModel(weighted);
        var b = new LbfgsMaximumEntropy(options).FitModel(repeated);
        var unweighted = new LbfgsMaximumEntropy(options).FitModel(data);

        var maxDifference = MaxDifference(a, b);
        Assert.True(maxDifference < 1e-3, $"weighted and repeated fits differ by {maxDifference}");
        Assert.True(MaxDifference(a, unweighted) > 100 * maxDifference, "the weights changed nothing");
    }

    [Fact]
    public void SoftmaxIsStableForHugeScores()
    {
        var model = new MaximumEntropyModel("test", ["a", "b", "c"], 1, [1e30f, -1e30f, 0f], [0, 0, 0]);
        var probabilities = new float[3];
        model.PredictProbabilities(new SparseVector(1, [0], [1e8f]), probabilities);
        Assert.Equal([1f, 0f, 0f], probabilities);
    }

    [Fact]
    public void ExampleWithWrongFeatureCountIsRejected()
    {
        var model = new SdcaMaximumEntropy().FitModel(SyntheticData.Separable(30, 3, seed: 1));
        var probabilities = new float[3];
        var error = Assert.Throws<TopicModelException>(() => model.PredictProbabilities(SparseVector.Empty(model.FeatureCount + 1), probabilities));
        Assert.Contains("features", error.Message);
    }

    [Fact]
    public void TruncatedOrCorruptWeightsFailToLoad()
    {
        var model = new LbfgsMaximumEntropy().FitModel(SyntheticData.Separable(30, 3, seed: 1));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            ModelSerializer.Save(model, writer);
        var bytes = stream.ToArray();

        var unknown = (byte[])bytes.Clone();
        unknown[5] = (byte)'X'; // first character of the trainer tag
        Assert.Throws<TopicModelException>(() => ModelSerializer.Load(new BinaryReader(new MemoryStream(unknown))));

        var tagEnd = 4 + 1 + LbfgsMaximumEntropy.TrainerName.Length;
        var badClassCount = (byte[])bytes.Clone();
        BitConverter.GetBytes(-3).CopyTo(badClassCount, tagEnd);
        Assert.Throws<TopicModelException>(() => ModelSerializer.Load(new BinaryReader(new MemoryStream(badClassCount))));

        var truncated = bytes[..(bytes.Length - 3)];
        var error = Assert.Throws<TopicModelException>(() => ModelSerializer.Load(new BinaryReader(new MemoryStream(truncated))));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void SparseRowsAreSavedCompactly()
    {
        var dense = new float[3 * 10_000];
        dense[5] = 1f;
        dense[10_000 + 7] = -2f;
        var model = new MaximumEntropyModel(LbfgsMaximumEntropy.TrainerName, ["a", "b", "c"], 10_000, dense, [0.5f, 0, -0.5f]);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            ModelSerializer.Save(model, writer);
        Assert.True(stream.Length < 200, $"{stream.Length} bytes for 2 non-zero weights");
        stream.Position = 0;
        var loaded = (MaximumEntropyModel)ModelSerializer.Load(new BinaryReader(stream));
        Assert.True(loaded.Weights.SequenceEqual(model.Weights));
        Assert.True(loaded.Biases.SequenceEqual(model.Biases));
    }

    [Fact]
    public void PairUpdateMaximizesTheDualAlongItsDirection()
    {
        foreach (var (qa, qb, gap, curvature) in new[] { (0.0, 1.0, 2.0, 5.0), (0.3, 0.5, -1.0, 0.1), (1e-12, 0.9, 30.0, 100.0), (0.2, 0.0, 0.5, 1.0) })
        {
            double F(double d) => -Xlogx(qa + d) - Xlogx(qb - d) + d * gap - curvature * d * d;
            var best = SdcaMaximumEntropy.SolvePair(qa, qb, gap, curvature);
            Assert.InRange(best, -qa, qb);
            for (var t = 0; t <= 1000; t++)
            {
                var d = -qa + (qa + qb) * t / 1000;
                Assert.True(F(best) >= F(d) - 1e-12, $"({qa}, {qb}, {gap}, {curvature}): δ={best} worse than {d}");
            }
        }

        static double Xlogx(double x) => x <= 0 ? 0 : x * Math.Log(x);
    }

    private static double MaxDifference(MaximumEntropyModel a, MaximumEntropyModel b)
    {
        var max = 0d;
        for (var i = 0; i < a.Weights.Length; i++) max = Math.Max(max, Math.Abs(a.Weights[i] - b.Weights[i]));
        for (var k = 0; k < a.ClassCount; k++) max = Math.Max(max, Math.Abs(a.Biases[k] - b.Biases[k]));
        return max;
    }
}
