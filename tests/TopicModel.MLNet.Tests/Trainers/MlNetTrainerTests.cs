using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using TopicModel.ML.Data;
using TopicModel.ML.Metrics;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Trainers;

namespace TopicModel.MLNet.Tests.Trainers;

/// <summary>
/// ML.NET's trainers behind our trainer interface, through the recipe's catalog, on the real task: the production
/// featurizer on the training digest's labeled papers, scored on the reviewed held-out papers. The checks every
/// trainer of ours passes: reproducible for a seed, probabilities that sum to 1, save/load round-trips predictions,
/// better than the majority class.
/// </summary>
public sealed class MlNetTrainerTests
{
    // Small forests keep the tree learners to seconds on 2 cores; the search space goes higher.
    public static TheoryData<string, string> Trainers => new()
    {
        { MlNetTrainer.SdcaMaximumEntropy, "{}" },
        { MlNetTrainer.LbfgsMaximumEntropy, """{"l2Regularization": 0.1, "l1Regularization": 0, "maximumNumberOfIterations": 100}""" },
        { MlNetTrainer.LightGbm, """{"numberOfTrees": 30, "numberOfLeaves": 8, "minimumExampleCountPerLeaf": 5}""" },
        { MlNetTrainer.OneVersusAllFastTree, """{"numberOfTrees": 20, "numberOfLeaves": 8, "minimumExampleCountPerLeaf": 5}""" },
        { MlNetTrainer.OneVersusAllLinearSvm, """{"lambda": 0.001, "numberOfIterations": 10}""" },
    };

    /// <summary>Every trainer, including ML.NET's naive Bayes, which does not beat the majority class (see below).</summary>
    public static TheoryData<string, string> AllTrainers
    {
        get
        {
            var all = Trainers;
            all.Add(MlNetTrainer.NaiveBayes, "{}");
            return all;
        }
    }

    private static readonly Lazy<(FittedTextFeaturizer Featurizer, MulticlassDataset Train, SparseRows HeldOut, int[] HeldOutLabels)> Data = new(() =>
    {
        var (train, heldOut, topics, _) = RealPredictions.Prepared.Value;
        var documents = train.Select(e => TextClassifier.Fields(e.Paper)).ToArray();
        var featurizer = new TextFeaturizer(new TextFeaturizerOptions()).Fit(documents);
        var rows = new MulticlassDataset(featurizer.TransformAll(documents), train.Select(e => e.Topic).ToArray(), topics);
        var test = heldOut.Select(p => featurizer.Transform(TextClassifier.Fields(p.Paper))).ToArray();
        return (featurizer, rows, new SparseRows(test), heldOut.Select(p => topics.ToList().IndexOf(p.Reviewed!.Topic)).ToArray());
    });

    public sealed record SparseRows(ML.Sparse.SparseVector[] Rows);

    private static IMulticlassModel Fit(string name, string options, int seed = 42) =>
        TrainerCatalog.Create(name, JsonNode.Parse(options)!.AsObject(), seed).Trainer.Fit(Data.Value.Train);

    private static float[][] Predict(IMulticlassModel model) => Data.Value.HeldOut.Rows.Select(x =>
    {
        var p = new float[model.ClassNames.Count];
        model.PredictProbabilities(x, p);
        return p;
    }).ToArray();

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Same_seed_gives_the_same_predictions_which_sum_to_one_and_beat_the_majority_class(string name, string options)
    {
        var first = Predict(Fit(name, options));
        var second = Predict(Fit(name, options));

        Assert.Equal(first, second);
        Assert.All(first, p => Assert.Equal(1.0, p.Sum(), 4));
        var labels = Data.Value.HeldOutLabels;
        var metrics = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(labels, first, Data.Value.Train.ClassNames));
        var majority = labels.GroupBy(y => y).Max(g => g.Count()) / (double)labels.Length;
        Assert.True(metrics.MicroAccuracy > majority + 0.1, $"{name}: accuracy {metrics.MicroAccuracy:F3} vs majority class {majority:F3}");
    }

    [Theory]
    [MemberData(nameof(AllTrainers))]
    public void Save_and_load_round_trip_the_predictions_and_saving_twice_writes_the_same_bytes(string name, string options)
    {
        var model = Fit(name, options);

        var bytes = Save(model);
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var loaded = ModelSerializer.Load(reader, MlNetModel.Loaders);

        Assert.Equal(Predict(model), Predict(loaded));
        Assert.Equal(bytes, Save(model));
        Assert.Equal(bytes, Save(Fit(name, options)));
    }

    [Fact]
    public void Linear_ml_net_models_become_our_softmax_model_with_ml_net_s_own_probabilities()
    {
        // What ML.NET itself predicts with the model it fitted, against our MaximumEntropyModel holding its weights.
        var mlContext = new MLContext(42);
        var train = FeatureRows.ToDataView(mlContext, Data.Value.Train);
        var transformer = mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }).Fit(train);
        var ours = Fit(MlNetTrainer.SdcaMaximumEntropy, "{}");
        var heldOut = new MulticlassDataset(Data.Value.HeldOut.Rows, Data.Value.HeldOutLabels, Data.Value.Train.ClassNames);
        var scored = transformer.Transform(FeatureRows.ToDataView(mlContext, heldOut));
        var mlNet = scored.GetColumn<float[]>("Score").ToArray();

        Assert.IsType<MaximumEntropyModel>(ours);
        var predicted = Predict(ours);
        for (var i = 0; i < predicted.Length; i++)
            for (var c = 0; c < predicted[i].Length; c++)
                Assert.True(Math.Abs(mlNet[i][c] - predicted[i][c]) < 1e-5, $"paper {i}, class {c}: ours {predicted[i][c]}, ML.NET {mlNet[i][c]}");
    }

    [Fact]
    public void Ml_net_naive_bayes_predicts_its_largest_training_topic_for_every_paper_and_ours_does_not()
    {
        // ML.NET's naive Bayes counts every vocabulary term a paper lacks, so classes with few papers lose to the
        // largest one whatever the paper says (docs/benchmarks.md, "ML.NET trainers beside ours"): why ours stays.
        var largest = Data.Value.Train.Labels.GroupBy(y => y).MaxBy(g => g.Count())!.Key;
        static int Top(float[] p) => Array.IndexOf(p, p.Max());

        var mlNet = Predict(Fit(MlNetTrainer.NaiveBayes, "{}"));
        var ours = Predict(Fit(NaiveBayes.TrainerName, "{}"));

        Assert.All(mlNet, p => Assert.Equal(largest, Top(p)));
        Assert.All(mlNet, p => Assert.Equal(1.0, p.Sum(), 4));
        var labels = Data.Value.HeldOutLabels;
        var oursRight = ours.Select(Top).Zip(labels).Count(x => x.First == x.Second);
        var largestRight = labels.Count(y => y == largest);
        Assert.True(oursRight > largestRight + 10, $"ours: {oursRight} of {labels.Length} right; the largest topic alone: {largestRight}");
    }

    private static byte[] Save(IMulticlassModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) ModelSerializer.Save(model, writer);
        return stream.ToArray();
    }
}
