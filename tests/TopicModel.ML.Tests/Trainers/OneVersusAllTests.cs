using TopicModel.ML.Data;
using TopicModel.ML.Sparse;
using TopicModel.ML.Trainers;

namespace TopicModel.ML.Tests.Trainers;

/// <summary>Behaviour specific to <see cref="OneVersusAll"/>, its binary learners and Platt calibration.</summary>
public sealed class OneVersusAllTests
{
    private static DigestFixture Digests => DigestFixture.Instance;

    public static TheoryData<string> Learners => [LinearSvm.LearnerName, AveragedPerceptron.LearnerName];

    private static IBinaryLinearLearner Learner(string name) =>
        name == LinearSvm.LearnerName ? new LinearSvm() : new AveragedPerceptron();

    [Theory]
    [MemberData(nameof(Learners))]
    public void PlattCalibrationIsMonotoneAndImprovesHeldOutLogLoss(string learner)
    {
        var calibrated = new OneVersusAll(new OneVersusAllOptions { BinaryLearner = Learner(learner) }).FitModel(Digests.Train);
        var raw = new OneVersusAll(new OneVersusAllOptions { BinaryLearner = Learner(learner), Calibrate = false }).FitModel(Digests.Train);

        var present = Digests.Train.Labels.Distinct();
        foreach (var k in present)
        {
            var previous = 0f;
            for (var score = -5f; score <= 5f; score += 0.25f)
            {
                var p = calibrated.Calibrated(k, score);
                Assert.True(p >= previous, $"class {k}: p({score}) = {p} < {previous}");
                previous = p;
            }
            Assert.True(calibrated.Calibrated(k, 5f) > calibrated.Calibrated(k, -5f), $"class {k}: calibration is flat");
        }
        var calibratedLoss = LogLoss(calibrated, Digests.Test);
        var rawLoss = LogLoss(raw, Digests.Test);
        Assert.True(calibratedLoss < rawLoss, $"{learner}: log-loss calibrated {calibratedLoss:F3} vs normalized raw margins {rawLoss:F3}");
    }

    [Fact]
    public void SharedCalibrationKeepsTheScoresOrderOfClasses()
    {
        var options = new OneVersusAllOptions { BinaryLearner = new LinearSvm(), CalibrationFolds = 1 };
        var perClass = new OneVersusAll(options).FitModel(Digests.Train);
        var shared = new OneVersusAll(options with { SharedCalibration = true }).FitModel(Digests.Train);

        // The same SVMs (the calibration does not touch them); one sigmoid for every class.
        var scores = new float[Digests.Test.ClassCount];
        var probabilities = new float[Digests.Test.ClassCount];
        int reordered = 0, present = Digests.Train.Labels.Distinct().Count();
        for (var i = 0; i < Digests.Test.Count; i++)
        {
            shared.Scores(Digests.Test.Rows[i], scores);
            shared.PredictProbabilities(Digests.Test.Rows[i], probabilities);
            Assert.Equal(ArgMax(scores), ArgMax(probabilities));
            Assert.Equal(1.0, probabilities.Sum(), 4);
            perClass.PredictProbabilities(Digests.Test.Rows[i], probabilities);
            if (ArgMax(probabilities) != ArgMax(scores)) reordered++;
        }
        for (var k = 1; k < present; k++) Assert.Equal(shared.Calibrated(0, 0.5f), shared.Calibrated(k, 0.5f));
        Assert.True(shared.Calibrated(0, 1f) > shared.Calibrated(0, -1f));
        // Per-class fits on training scores do reorder classes for some held-out papers: what the option is for.
        Assert.True(reordered > 0, "per-class calibration never changed the top class");
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++) if (values[k] > values[best]) best = k;
        return best;
    }

    [Fact]
    public void PlattRecoversTheSigmoidThatGeneratedTheLabels()
    {
        var random = new Random(3);
        const int n = 20_000;
        var scores = new float[n];
        var positive = new bool[n];
        for (var i = 0; i < n; i++)
        {
            scores[i] = (float)(random.NextDouble() * 6 - 3);
            positive[i] = random.NextDouble() < 1 / (1 + Math.Exp(-(2 * scores[i] - 1)));
        }
        var (slope, offset) = PlattCalibrator.Fit(scores, positive, Enumerable.Repeat(1f, n).ToArray());
        Assert.Equal(2, slope, 0.15);
        Assert.Equal(-1, offset, 0.1);
    }

    [Fact]
    public void PlattTargetsKeepSeparableScoresFinite()
    {
        float[] scores = [-2, -1, 1, 2];
        var (slope, offset) = PlattCalibrator.Fit(scores, [false, false, true, true], [1, 1, 1, 1]);
        Assert.True(float.IsFinite(slope) && slope > 0 && float.IsFinite(offset), $"slope {slope}, offset {offset}");
        // Platt's targets for 2 positives and 2 negatives are 3/4 and 1/4: probabilities stay short of 0 and 1.
        Assert.InRange(1 / (1 + MathF.Exp(-(slope * 2 + offset))), 0.6, 0.95);
    }

    [Fact]
    public void LinearSvmFindsTheMaximumMarginOnASeparableLine()
    {
        // x = +1 is positive, x = −1 negative: the widest margin puts w = 1, b = 0, so both margins are exactly 1.
        var x = CsrMatrix.FromRows([new SparseVector(1, [0], [1f]), new SparseVector(1, [0], [-1f])], 1);
        var (w, b) = new LinearSvm(new LinearSvmOptions { Lambda = 0.01f, NumberOfIterations = 200 }).Fit(x, [0, 1], [true, false], [1f, 1f]);
        Assert.Equal(1f, w[0], 3);
        Assert.Equal(0f, b, 3);
    }

    [Fact]
    public void LinearSvmHingeObjectiveDecreasesWithMorePasses()
    {
        var data = Digests.Train;
        var x = CsrMatrix.FromDataset(data);
        var rows = Enumerable.Range(0, data.Count).ToArray();
        var positive = data.Labels.Select(y => y == data.Labels[0]).ToArray();
        var weights = Enumerable.Repeat(1f, data.Count).ToArray();
        const float lambda = 0.001f;

        double Objective(int passes)
        {
            var (w, b) = new LinearSvm(new LinearSvmOptions { Lambda = lambda, NumberOfIterations = passes, Seed = 1 }).Fit(x, rows, positive, weights);
            return LinearSvm.Objective(x, rows, positive, weights, lambda, w, b);
        }
        var start = LinearSvm.Objective(x, rows, positive, weights, lambda, new float[data.FeatureCount], 0);
        var objectives = new[] { 1, 3, 10, 100 }.Select(Objective).ToArray();

        Assert.Equal(1.0, start, 6);
        Assert.True(objectives[0] < start, $"one pass: {objectives[0]}");
        for (var i = 1; i < objectives.Length; i++)
            Assert.True(objectives[i] <= objectives[i - 1] * 1.001, $"objective rose: {string.Join(", ", objectives)}");
        Assert.True(objectives[^1] < 0.9 * objectives[0], $"objectives: {string.Join(", ", objectives)}");
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void SeparableDataIsFittedPerfectly(string learner)
    {
        var data = SyntheticData.Separable(60, 4, seed: 5);
        var model = new OneVersusAll(new OneVersusAllOptions { BinaryLearner = Learner(learner) }).FitModel(data);
        var probabilities = new float[4];
        for (var i = 0; i < data.Count; i++)
        {
            model.PredictProbabilities(data.Rows[i], probabilities);
            Assert.Equal(data.Labels[i], Array.IndexOf(probabilities, probabilities.Max()));
        }
    }

    [Fact]
    public void AveragedPerceptronIgnoresExamplesOfZeroWeight()
    {
        var data = SyntheticData.Separable(30, 3, seed: 6);
        // A contradicting copy of every example, with weight 0, must not change the fit.
        var rows = data.Rows.Concat(data.Rows).ToList();
        var labels = data.Labels.Concat(data.Labels.Select(y => (y + 1) % 3)).ToArray();
        var weights = Enumerable.Repeat(1f, data.Count).Concat(Enumerable.Repeat(0f, data.Count)).ToArray();
        var model = new OneVersusAll(new OneVersusAllOptions { BinaryLearner = new AveragedPerceptron() })
            .FitModel(new MulticlassDataset(rows, labels, data.ClassNames, weights));
        var probabilities = new float[3];
        for (var i = 0; i < data.Count; i++)
        {
            model.PredictProbabilities(data.Rows[i], probabilities);
            Assert.Equal(data.Labels[i], Array.IndexOf(probabilities, probabilities.Max()));
        }
    }

    [Fact]
    public void DamagedWeightsFailToLoadClearly()
    {
        var model = new OneVersusAll(new OneVersusAllOptions { CalibrationFolds = 1 }).FitModel(SyntheticData.Separable(30, 3, seed: 1));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) ModelSerializer.Save(model, writer);
        var bytes = stream.ToArray();

        var truncated = Assert.Throws<TopicModelException>(() => ModelSerializer.Load(new BinaryReader(new MemoryStream(bytes[..^3]))));
        Assert.Contains("OneVersusAll weights are truncated", truncated.Message);
        var notFinite = Assert.Throws<TopicModelException>(() => new OneVersusAllModel(["a", "b"], 1, LinearSvm.LearnerName, [0f, 0f], [0f, 0f], [1f, float.NaN], [0f, 0f]));
        Assert.Contains("NaN or infinity", notFinite.Message);
        var unknown = Assert.Throws<TopicModelException>(() => new OneVersusAllModel(["a", "b"], 1, "Pegasos", [0f, 0f], [0f, 0f], [1f, 1f], [0f, 0f]));
        Assert.Contains("unknown binary learner 'Pegasos'", unknown.Message);
    }

    private static double LogLoss(IMulticlassModel model, MulticlassDataset data)
    {
        var probabilities = new float[data.ClassCount];
        var loss = 0d;
        for (var i = 0; i < data.Count; i++)
        {
            model.PredictProbabilities(data.Rows[i], probabilities);
            loss -= Math.Log(Math.Max(probabilities[data.Labels[i]], 1e-15));
        }
        return loss / data.Count;
    }
}
