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
    };

    public static TheoryData<string> TrainerNames => [.. Cases.Keys];

    private static DigestFixture Digests => DigestFixture.Instance;

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
        var model = Cases[trainer].Create(1).Fit(Digests.Train);
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
        var model = Cases[trainer].Create(1).Fit(Digests.Train);
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
    public void BeatsMajorityClassOnHeldOutDigest(string trainer)
    {
        var model = Cases[trainer].Create(1).Fit(Digests.Train);
        var majority = Digests.Train.Labels.GroupBy(y => y).MaxBy(g => g.Count())!.Key;
        var baseline = Accuracy(Digests.Test, _ => majority);
        var probabilities = new float[model.ClassNames.Count];
        var accuracy = Accuracy(Digests.Test, row =>
        {
            model.PredictProbabilities(row, probabilities);
            return Array.IndexOf(probabilities, probabilities.Max());
        });
        Assert.True(accuracy >= baseline + 0.1, $"{trainer}: held-out accuracy {accuracy:F3} vs majority baseline {baseline:F3}");
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void BadOptionsFailWithClearError(string trainer)
    {
        var data = SyntheticData.Separable(30, 3, seed: 1);
        foreach (var create in Cases[trainer].BadOptions)
        {
            var error = Assert.Throws<TopicModelException>(() => create().Fit(data));
            Assert.Contains(trainer, error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(TrainerNames))]
    public void ExplainNamesFeaturesThatPushTowardTheClass(string trainer)
    {
        var model = Cases[trainer].Create(1).Fit(Digests.Train);
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

    private static double Accuracy(MulticlassDataset data, Func<SparseVector, int> predict) =>
        Enumerable.Range(0, data.Count).Count(i => predict(data.Rows[i]) == data.Labels[i]) / (double)data.Count;

    private static byte[] Save(IMulticlassModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            ModelSerializer.Save(model, writer);
        return stream.ToArray();
    }
}
