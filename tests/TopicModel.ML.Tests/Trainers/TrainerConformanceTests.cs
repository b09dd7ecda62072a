using System.Collections.Concurrent;
using TopicModel.ML.Data;
using TopicModel.ML.Sparse;
using TopicModel.ML.Trainers;

namespace TopicModel.ML.Tests.Trainers;

/// <summary>
/// The checks every multiclass trainer must pass (scikit-learn's check_estimator). To add a trainer,
/// add one entry to <see cref="Cases"/>: how to build it with a seed, and options it must reject.
/// </summary>
public sealed class TrainerConformanceTests
{
    public sealed record TrainerCase(Func<int, IMulticlassTrainer> Create, IReadOnlyList<Func<IMulticlassTrainer>> BadOptions);

    public static readonly IReadOnlyDictionary<string, TrainerCase> Cases = new Dictionary<string, TrainerCase>
    {
        [SdcaMaximumEntropy.TrainerName] = new(
            seed => new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { Seed = seed }),
            [
                () => new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { L2Regularization = -1 }),
                () => new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { L2Regularization = 0 }),
                () => new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { L1Regularization = -0.5f }),
                () => new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { L1Regularization = float.NaN }),
                () => new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { MaximumNumberOfIterations = 0 }),
                () => new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { ConvergenceTolerance = 0 }),
                () => new SdcaMaximumEntropy(new SdcaMaximumEntropyOptions { BiasLearningRate = -1 }),
            ]),
        [LbfgsMaximumEntropy.TrainerName] = new(
            seed => new LbfgsMaximumEntropy(new LbfgsMaximumEntropyOptions { Seed = seed, InitialWeightsDiameter = 0.1f }),
            [
                () => new LbfgsMaximumEntropy(new LbfgsMaximumEntropyOptions { L2Regularization = -1 }),
                () => new LbfgsMaximumEntropy(new LbfgsMaximumEntropyOptions { L1Regularization = -1 }),
                () => new LbfgsMaximumEntropy(new LbfgsMaximumEntropyOptions { L2Regularization = float.PositiveInfinity }),
                () => new LbfgsMaximumEntropy(new LbfgsMaximumEntropyOptions { MaximumNumberOfIterations = 0 }),
                () => new LbfgsMaximumEntropy(new LbfgsMaximumEntropyOptions { HistorySize = 0 }),
                () => new LbfgsMaximumEntropy(new LbfgsMaximumEntropyOptions { OptimizationTolerance = -1e-3f }),
            ]),
        [NaiveBayes.TrainerName] = new(
            _ => new NaiveBayes(),
            [
                () => new NaiveBayes(new NaiveBayesOptions { Alpha = 0 }),
                () => new NaiveBayes(new NaiveBayesOptions { Alpha = float.NaN }),
                () => new NaiveBayes(new NaiveBayesOptions { Alpha = float.PositiveInfinity }),
                () => new NaiveBayes(new NaiveBayesOptions { Variant = (NaiveBayesVariant)7 }),
            ]),
        [NaiveBayes.TrainerName + "/Complement"] = new(
            _ => new NaiveBayes(new NaiveBayesOptions { Variant = NaiveBayesVariant.Complement }),
            [() => new NaiveBayes(new NaiveBayesOptions { Variant = NaiveBayesVariant.Complement, Alpha = -1 })]),
        [OneVersusAll.TrainerName + "/" + LinearSvm.LearnerName] = new(
            seed => new OneVersusAll(new OneVersusAllOptions { Seed = seed, BinaryLearner = new LinearSvm(new LinearSvmOptions { Seed = seed }) }),
            [
                () => new OneVersusAll(new OneVersusAllOptions { CalibrationFolds = 0 }),
                () => new OneVersusAll(new OneVersusAllOptions { BinaryLearner = null! }),
                () => new OneVersusAll(new OneVersusAllOptions { BinaryLearner = new LinearSvm(new LinearSvmOptions { Lambda = 0 }) }),
                () => new OneVersusAll(new OneVersusAllOptions { BinaryLearner = new LinearSvm(new LinearSvmOptions { Lambda = float.NaN }) }),
                () => new OneVersusAll(new OneVersusAllOptions { BinaryLearner = new LinearSvm(new LinearSvmOptions { NumberOfIterations = 0 }) }),
            ]),
        [OneVersusAll.TrainerName + "/" + AveragedPerceptron.LearnerName] = new(
            seed => new OneVersusAll(new OneVersusAllOptions { Seed = seed, BinaryLearner = new AveragedPerceptron(new AveragedPerceptronOptions { Seed = seed }) }),
            [
                () => new OneVersusAll(new OneVersusAllOptions { CalibrationFolds = 101 }),
                () => new OneVersusAll(new OneVersusAllOptions { BinaryLearner = new AveragedPerceptron(new AveragedPerceptronOptions { LearningRate = 0 }) }),
                () => new OneVersusAll(new OneVersusAllOptions { BinaryLearner = new AveragedPerceptron(new AveragedPerceptronOptions { LearningRate = float.PositiveInfinity }) }),
                () => new OneVersusAll(new OneVersusAllOptions { BinaryLearner = new AveragedPerceptron(new AveragedPerceptronOptions { NumberOfIterations = 0 }) }),
            ]),
        [OneVersusAll.TrainerName + "/" + FastTreeBinary.LearnerName] = new(
            seed => new OneVersusAll(new OneVersusAllOptions
            {
                Seed = seed, CalibrationFolds = 2,
                BinaryLearner = new FastTreeBinary(new FastTreeOptions { Seed = seed, NumberOfTrees = 30, FeatureFraction = 0.8f, RowFraction = 0.8f }),
            }),
            [
                () => new OneVersusAll(new OneVersusAllOptions { BinaryLearner = new FastTreeBinary(new FastTreeOptions { NumberOfLeaves = 1 }) }),
                () => new OneVersusAll(new OneVersusAllOptions { BinaryLearner = new FastTreeBinary(new FastTreeOptions { LearningRate = float.NaN }) }),
                () => new OneVersusAll(new OneVersusAllOptions { BinaryLearner = new FastTreeBinary(new FastTreeOptions { RowFraction = 0 }) }),
            ]),
        [FastTree.TrainerName] = new(
            seed => new FastTree(new FastTreeOptions { Seed = seed, FeatureFraction = 0.8f, RowFraction = 0.8f }),
            [
                () => new FastTree(new FastTreeOptions { NumberOfLeaves = 1 }),
                () => new FastTree(new FastTreeOptions { NumberOfTrees = 0 }),
                () => new FastTree(new FastTreeOptions { MinimumExampleCountPerLeaf = 0 }),
                () => new FastTree(new FastTreeOptions { LearningRate = -0.1f }),
                () => new FastTree(new FastTreeOptions { LearningRate = float.NaN }),
                () => new FastTree(new FastTreeOptions { MaximumBinCountPerFeature = 1 }),
                () => new FastTree(new FastTreeOptions { L2Regularization = float.PositiveInfinity }),
                () => new FastTree(new FastTreeOptions { FeatureFraction = 0 }),
                () => new FastTree(new FastTreeOptions { RowFraction = 1.5f }),
                () => new FastTree(new FastTreeOptions { EarlyStoppingRounds = -1 }),
                () => new FastTree(new FastTreeOptions { ValidationFraction = 1 }),
                () => new FastTree(new FastTreeOptions { NumberOfThreads = 0 }),
            ]),
    };

    public static TheoryData<string> TrainerNames => [.. Cases.Keys];

    private static DigestFixture Digests => DigestFixture.Instance;

    // Most checks only read a model, so each trainer is fitted on the digest once for all of them.
    private static readonly ConcurrentDictionary<string, Lazy<IMulticlassModel>> FittedOnDigest = new();

    private static IMulticlassModel Fitted(string trainer) =>
        FittedOnDigest.GetOrAdd(trainer, name => new Lazy<IMulticlassModel>(() => Cases[name].Create(1).Fit(Digests.Train))).Value;

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void SameSeedGivesIdenticalModel(string trainer)
    {
        var first = Save(Cases[trainer].Create(7).Fit(Digests.Train));
        var second = Save(Cases[trainer].Create(7).Fit(Digests.Train));
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void ProbabilitiesAreFiniteAndSumToOne(string trainer)
    {
        var model = Fitted(trainer);
        var probabilities = new float[model.ClassNames.Count];
        foreach (var row in Digests.Test.Rows.Append(SparseVector.Empty(Digests.Test.FeatureCount)))
        {
            model.PredictProbabilities(row, probabilities);
            Assert.All(probabilities, p => Assert.True(float.IsFinite(p) && p >= 0 && p <= 1, $"probability {p}"));
            Assert.Equal(1.0, probabilities.Sum(p => (double)p), 4);
        }
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void SaveAndLoadReproducePredictionsExactly(string trainer)
    {
        var model = Fitted(trainer);
        using var stream = new MemoryStream(Save(model));
        var loaded = ModelSerializer.Load(new BinaryReader(stream));

        Assert.Equal(model.TrainerName, loaded.TrainerName);
        Assert.Equal(model.ClassNames, loaded.ClassNames);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        var expected = new float[model.ClassNames.Count];
        var actual = new float[model.ClassNames.Count];
        foreach (var row in Digests.Test.Rows)
        {
            model.PredictProbabilities(row, expected);
            loaded.PredictProbabilities(row, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void BeatsBaselinesOnHeldOutDigest(string trainer)
    {
        var model = Fitted(trainer);
        var classCount = Digests.Train.ClassCount;
        var majority = Digests.Train.Labels.GroupBy(y => y).MaxBy(g => g.Count())!.Key;
        // The prior baseline predicts the training class frequencies (add-one smoothed) for every paper.
        var prior = new double[classCount];
        foreach (var y in Digests.Train.Labels) prior[y]++;
        for (var k = 0; k < classCount; k++) prior[k] = (prior[k] + 1) / (Digests.Train.Count + classCount);

        var probabilities = new float[classCount];
        int correct = 0, majorityCorrect = 0;
        double logLoss = 0, priorLogLoss = 0;
        for (var i = 0; i < Digests.Test.Count; i++)
        {
            var y = Digests.Test.Labels[i];
            model.PredictProbabilities(Digests.Test.Rows[i], probabilities);
            if (Array.IndexOf(probabilities, probabilities.Max()) == y) correct++;
            if (majority == y) majorityCorrect++;
            logLoss -= Math.Log(Math.Max(probabilities[y], 1e-15));
            priorLogLoss -= Math.Log(prior[y]);
        }
        double n = Digests.Test.Count;
        Assert.True(correct / n >= majorityCorrect / n + 0.2, $"{trainer}: held-out accuracy {correct / n:F3} vs majority class {majorityCorrect / n:F3}");
        Assert.True(logLoss / n < 0.8 * priorLogLoss / n, $"{trainer}: held-out log-loss {logLoss / n:F3} vs class prior {priorLogLoss / n:F3}");
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void ConcurrentPredictionsMatchSequentialOnes(string trainer)
    {
        var model = Fitted(trainer);
        var rows = Digests.Test.Rows;
        var classCount = model.ClassNames.Count;
        var sequential = new float[rows.Count * 4 * classCount];
        for (var i = 0; i < rows.Count * 4; i++)
            model.PredictProbabilities(rows[i % rows.Count], sequential.AsSpan(i * classCount, classCount));
        var concurrent = new float[sequential.Length];
        Parallel.For(0, rows.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => model.PredictProbabilities(rows[i % rows.Count], concurrent.AsSpan(i * classCount, classCount)));
        Assert.Equal(sequential, concurrent);
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void BadOptionsFailWithClearError(string trainer)
    {
        var data = SyntheticData.Separable(30, 3, seed: 1);
        foreach (var create in Cases[trainer].BadOptions)
        {
            var error = Assert.Throws<TopicModelException>(() => create().Fit(data));
            Assert.Matches($"^({string.Join('|', trainer.Split('/'))}): ", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void ExplainNamesFeaturesThatPushTowardTheClass(string trainer)
    {
        var model = Fitted(trainer);
        var probabilities = new float[model.ClassNames.Count];
        var withoutTop = new float[model.ClassNames.Count];
        int explained = 0, dropped = 0;
        foreach (var row in Digests.Test.Rows.Where(r => r.Count > 0))
        {
            model.PredictProbabilities(row, probabilities);
            var predicted = Array.IndexOf(probabilities, probabilities.Max());
            var top = model.Explain(row, predicted, 3);

            Assert.True(top.Count <= 3);
            Assert.All(top, c => Assert.Contains(c.Feature, row.Indices));
            Assert.All(top, c => Assert.True(c.Contribution > 0, $"contribution {c.Contribution}"));
            Assert.Equal(top.OrderByDescending(c => c.Contribution).Select(c => c.Feature), top.Select(c => c.Feature));
            if (top.Count == 0) continue;

            // Taking the explained features out of the document must weaken the prediction.
            explained++;
            var removed = top.Select(c => c.Feature).ToHashSet();
            var kept = Enumerable.Range(0, row.Count).Where(i => !removed.Contains(row.Indices[i])).ToArray();
            var reduced = new SparseVector(row.Dimension, kept.Select(i => row.Indices[i]).ToArray(), kept.Select(i => row.Values[i]).ToArray());
            model.PredictProbabilities(reduced, withoutTop);
            if (withoutTop[predicted] < probabilities[predicted]) dropped++;
        }
        Assert.True(explained >= Digests.Test.Count / 2, $"only {explained} of {Digests.Test.Count} predictions were explained");
        Assert.True(dropped >= 0.9 * explained, $"removing the explained features weakened only {dropped} of {explained} predictions");
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void ClassWithoutExamplesAndEmptyRowsDoNotBreakFitting(string trainer)
    {
        var source = SyntheticData.Separable(40, 3, seed: 2);
        // Relabel into 4 classes of which the last never occurs, and blank every fifth row.
        var rows = source.Rows.Select((r, i) => i % 5 == 0 ? SparseVector.Empty(r.Dimension) : r).ToList();
        var data = new MulticlassDataset(rows, source.Labels, SyntheticData.Names(4));

        var model = Cases[trainer].Create(3).Fit(data);

        Assert.Equal(4, model.ClassNames.Count);
        var probabilities = new float[4];
        foreach (var row in rows)
        {
            model.PredictProbabilities(row, probabilities);
            Assert.All(probabilities, p => Assert.True(float.IsFinite(p)));
            Assert.Equal(1.0, probabilities.Sum(p => (double)p), 4);
            Assert.True(probabilities[3] < probabilities.Max(), "the class never seen in training should not win");
        }
    }

    private static byte[] Save(IMulticlassModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            ModelSerializer.Save(model, writer);
        return stream.ToArray();
    }
}
