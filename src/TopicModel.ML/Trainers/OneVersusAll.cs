using TopicModel.ML.Data;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// One binary classifier per class, that class against all others (ML.NET's OneVersusAll): linear
/// (<see cref="LinearSvm"/>, <see cref="AveragedPerceptron"/>) or boosted trees (<see cref="FastTreeBinary"/>). Each
/// class's score is turned into a probability by Platt scaling fitted on out-of-fold scores (one fit per class, or
/// one shared by all classes), then the per-class probabilities are normalized to sum to 1.
/// </summary>
public sealed class OneVersusAll : IMulticlassTrainer
{
    public const string TrainerName = "OneVersusAll";

    public OneVersusAll(OneVersusAllOptions? options = null)
    {
        Options = options ?? new OneVersusAllOptions();
        if (Options.BinaryLearner is null)
            throw new TopicModelException($"{TrainerName}: BinaryLearner is required");
        if (Options.CalibrationFolds is < 1 or > 100)
            throw new TopicModelException($"{TrainerName}: CalibrationFolds must be from 1 to 100, not {Options.CalibrationFolds}");
    }

    public OneVersusAllOptions Options { get; }
    public string Name => TrainerName;

    public IMulticlassModel Fit(MulticlassDataset data) => FitModel(data);

    public IMulticlassModel Fit(MulticlassDataset data, CancellationToken cancellation) => FitModel(data, cancellation);

    /// <summary>As <see cref="Fit(MulticlassDataset)"/>, typed to expose the classifiers and calibration.</summary>
    public OneVersusAllModel FitModel(MulticlassDataset data, CancellationToken cancellation = default)
    {
        TrainingData.Check(data, TrainerName);
        int classes = data.ClassCount, features = data.FeatureCount;
        var x = CsrMatrix.FromDataset(data);
        var exampleWeights = new float[data.Count];
        for (var i = 0; i < data.Count; i++) exampleWeights[i] = data.WeightOf(i);
        var all = Enumerable.Range(0, data.Count).ToArray();
        var folds = CalibrationFolds(data.Count);

        var classifiers = new IBinaryModel[classes];
        var slopes = new float[classes];
        var offsets = new float[classes];
        var positive = new bool[data.Count];
        var shared = Options.Calibrate && Options.SharedCalibration;
        // With a shared fit, every class's calibration scores, labels and weights side by side (class k at k·n).
        var (sharedScores, sharedPositive, sharedWeights) = shared
            ? (new float[classes * data.Count], new bool[classes * data.Count], new float[classes * data.Count])
            : ([], [], []);
        for (var k = 0; k < classes; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (var i = 0; i < data.Count; i++) positive[i] = data.Labels[i] == k;
            classifiers[k] = Options.BinaryLearner.Fit(x, all, positive, exampleWeights);
            if (!Options.Calibrate)
            {
                (slopes[k], offsets[k]) = (1f, 0f);
                continue;
            }
            var scores = folds is null ? Scores(x, all, classifiers[k]) : OutOfFoldScores(x, folds, positive, exampleWeights);
            if (shared)
            {
                scores.CopyTo(sharedScores, k * data.Count);
                positive.CopyTo(sharedPositive, k * data.Count);
                exampleWeights.CopyTo(sharedWeights, k * data.Count);
            }
            else
            {
                (slopes[k], offsets[k]) = PlattCalibrator.Fit(scores, positive, exampleWeights);
            }
        }
        if (shared)
        {
            var (slope, offset) = PlattCalibrator.Fit(sharedScores, sharedPositive, sharedWeights);
            Array.Fill(slopes, slope);
            Array.Fill(offsets, offset);
        }
        return new OneVersusAllModel(data.ClassNames, features, Options.BinaryLearner.Name, classifiers, slopes, offsets);
    }

    /// <summary>The examples of each fold, after a seeded shuffle; null when calibrating on the training scores.</summary>
    private int[][]? CalibrationFolds(int count)
    {
        var k = Math.Min(Options.CalibrationFolds, count);
        if (!Options.Calibrate || k < 2) return null;
        var order = Enumerable.Range(0, count).ToArray();
        new Random(Options.Seed).Shuffle(order);
        return [.. Enumerable.Range(0, k).Select(f => order.Where((_, position) => position % k == f).Order().ToArray())];
    }

    /// <summary>Every example's score from the model fitted without its fold.</summary>
    private float[] OutOfFoldScores(CsrMatrix x, int[][] folds, bool[] positive, float[] exampleWeights)
    {
        var scores = new float[x.RowCount];
        foreach (var held in folds)
        {
            var training = Enumerable.Range(0, x.RowCount).Except(held).ToArray();
            var heldScores = Scores(x, held, Options.BinaryLearner.Fit(x, training, positive, exampleWeights));
            for (var n = 0; n < held.Length; n++) scores[held[n]] = heldScores[n];
        }
        return scores;
    }

    private static float[] Scores(CsrMatrix x, int[] rows, IBinaryModel model)
    {
        var scores = new float[rows.Length];
        for (var n = 0; n < rows.Length; n++) scores[n] = model.Score(x.RowIndices(rows[n]), x.RowValues(rows[n]));
        return scores;
    }
}
