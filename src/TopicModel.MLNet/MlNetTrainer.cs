using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using TopicModel.ML;
using TopicModel.ML.Data;
using TopicModel.ML.Trainers;

namespace TopicModel.MLNet;

/// <summary>
/// An ML.NET trainer behind our trainer interface, so the AutoML search can try it on the same folds, features and
/// objective as ours. Its <see cref="Name"/> is "MLNet." + ML.NET's name, so the leaderboard says whose it is.
/// <list type="bullet">
/// <item><c>MLNet.SdcaMaximumEntropy</c>, <c>MLNet.LbfgsMaximumEntropy</c> (<see cref="MlNetTrainerOptions.L2Regularization"/>,
/// <see cref="MlNetTrainerOptions.L1Regularization"/>, <see cref="MlNetTrainerOptions.MaximumNumberOfIterations"/>): the fitted
/// weights and biases become our <see cref="MaximumEntropyModel"/> (the same softmax model), so the bundle, scoring and
/// explanations do not depend on ML.NET.</item>
/// <item><c>MLNet.LightGbm</c>, <c>MLNet.OneVersusAllFastTree</c> (leaves, trees, learning rate, minimum examples per
/// leaf): the fitted ML.NET transformer is the model (<see cref="MlNetModel"/>).</item>
/// <item><c>MLNet.OneVersusAllLinearSvm</c> (<see cref="MlNetTrainerOptions.Lambda"/>,
/// <see cref="MlNetTrainerOptions.NumberOfIterations"/>): ML.NET's Pegasos LinearSvm per class, Platt-calibrated on the
/// training scores by OneVersusAll; the ML.NET transformer is the model.</item>
/// <item><c>MLNet.NaiveBayes</c> (no hyperparameters): ML.NET's naive Bayes, which counts a feature as present when its
/// value is above zero and ignores example weights; its scores are log-likelihoods, so the model's probabilities are
/// their softmax.</item>
/// </list>
/// Every trainer runs on one thread with the seed, so a fit is reproducible.
/// </summary>
public sealed class MlNetTrainer : IMulticlassTrainer
{
    public const string Prefix = "MLNet.";
    public const string SdcaMaximumEntropy = Prefix + "SdcaMaximumEntropy";
    public const string LbfgsMaximumEntropy = Prefix + "LbfgsMaximumEntropy";
    public const string LightGbm = Prefix + "LightGbm";
    public const string OneVersusAllFastTree = Prefix + "OneVersusAllFastTree";
    public const string OneVersusAllLinearSvm = Prefix + "OneVersusAllLinearSvm";
    public const string NaiveBayes = Prefix + "NaiveBayes";

    public static IReadOnlyList<string> Names { get; } = [SdcaMaximumEntropy, LbfgsMaximumEntropy, LightGbm, OneVersusAllFastTree, OneVersusAllLinearSvm, NaiveBayes];

    public MlNetTrainer(string name, MlNetTrainerOptions? options = null)
    {
        if (!Names.Contains(name))
            throw new TopicModelException($"unknown ML.NET trainer '{name}'; known: {string.Join(", ", Names)}");
        Options = options ?? new MlNetTrainerOptions();
        if (Options.NumberOfLeaves < 2 || Options.NumberOfTrees < 1 || Options.MinimumExampleCountPerLeaf < 1 || !(Options.LearningRate > 0))
            throw new TopicModelException($"{name}: needs at least 2 leaves, 1 tree, 1 example per leaf and a learning rate above 0");
        if (!(Options.Lambda > 0) || float.IsInfinity(Options.Lambda) || Options.NumberOfIterations < 1)
            throw new TopicModelException($"{name}: needs a finite lambda above 0 and at least 1 iteration");
        Name = name;
    }

    public string Name { get; }
    public MlNetTrainerOptions Options { get; }

    public IMulticlassModel Fit(MulticlassDataset data)
    {
        if (data.Count == 0) throw new TopicModelException($"{Name}: no training examples");
        var mlContext = new MLContext(Options.Seed);
        var view = FeatureRows.ToDataView(mlContext, data);
        return Name switch
        {
            SdcaMaximumEntropy => Linear(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = FeatureRows.LabelColumn,
                FeatureColumnName = FeatureRows.FeaturesColumn,
                ExampleWeightColumnName = FeatureRows.WeightColumn,
                L2Regularization = Options.L2Regularization,
                L1Regularization = Options.L1Regularization,
                MaximumNumberOfIterations = Options.MaximumNumberOfIterations,
                NumberOfThreads = 1,
            }).Fit(view).Model, data),
            LbfgsMaximumEntropy => Linear(mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = FeatureRows.LabelColumn,
                FeatureColumnName = FeatureRows.FeaturesColumn,
                ExampleWeightColumnName = FeatureRows.WeightColumn,
                L2Regularization = Options.L2Regularization ?? 1f,
                L1Regularization = Options.L1Regularization ?? 1f,
                MaximumNumberOfIterations = Options.MaximumNumberOfIterations ?? int.MaxValue,
                NumberOfThreads = 1,
            }).Fit(view).Model, data),
            LightGbm => Wrap(mlContext, mlContext.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = FeatureRows.LabelColumn,
                FeatureColumnName = FeatureRows.FeaturesColumn,
                ExampleWeightColumnName = FeatureRows.WeightColumn,
                NumberOfLeaves = Options.NumberOfLeaves,
                NumberOfIterations = Options.NumberOfTrees,
                LearningRate = Options.LearningRate,
                MinimumExampleCountPerLeaf = Options.MinimumExampleCountPerLeaf,
                Seed = Options.Seed,
                NumberOfThreads = 1,
                Silent = true,
            }).Fit(view), view, data),
            OneVersusAllLinearSvm => Wrap(mlContext, mlContext.MulticlassClassification.Trainers.OneVersusAll(
                mlContext.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
                {
                    FeatureColumnName = FeatureRows.FeaturesColumn,
                    ExampleWeightColumnName = FeatureRows.WeightColumn,
                    Lambda = Options.Lambda,
                    NumberOfIterations = Options.NumberOfIterations,
                }), labelColumnName: FeatureRows.LabelColumn).Fit(view), view, data),
            NaiveBayes => Wrap(mlContext, mlContext.MulticlassClassification.Trainers.NaiveBayes(
                labelColumnName: FeatureRows.LabelColumn, featureColumnName: FeatureRows.FeaturesColumn).Fit(view), view, data),
            _ => Wrap(mlContext, mlContext.MulticlassClassification.Trainers.OneVersusAll(
                mlContext.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    FeatureColumnName = FeatureRows.FeaturesColumn,
                    ExampleWeightColumnName = FeatureRows.WeightColumn,
                    NumberOfLeaves = Options.NumberOfLeaves,
                    NumberOfTrees = Options.NumberOfTrees,
                    LearningRate = Options.LearningRate,
                    MinimumExampleCountPerLeaf = Options.MinimumExampleCountPerLeaf,
                    Seed = Options.Seed,
                    NumberOfThreads = 1,
                }), labelColumnName: FeatureRows.LabelColumn).Fit(view), view, data),
        };
    }

    /// <summary>ML.NET's softmax weights as our model: the same probabilities, without ML.NET at scoring time.</summary>
    private MaximumEntropyModel Linear(MaximumEntropyModelParameters parameters, MulticlassDataset data)
    {
        VBuffer<float>[] rows = [];
        parameters.GetWeights(ref rows, out var classCount);
        if (classCount != data.ClassCount)
            throw new TopicModelException($"{Name}: ML.NET fitted {classCount} classes, expected {data.ClassCount}");
        var weights = new float[(long)classCount * data.FeatureCount];
        for (var k = 0; k < classCount; k++) rows[k].CopyTo(weights.AsSpan(k * data.FeatureCount, data.FeatureCount));
        var biases = parameters.GetBiases().ToArray();
        // Tagged with the name of our trainer that fits the same model, so bundles load it as one.
        var tag = Name == SdcaMaximumEntropy ? ML.Trainers.SdcaMaximumEntropy.TrainerName : ML.Trainers.LbfgsMaximumEntropy.TrainerName;
        return new MaximumEntropyModel(tag, data.ClassNames, data.FeatureCount, weights, biases);
    }

    private MlNetModel Wrap(MLContext mlContext, ITransformer transformer, IDataView view, MulticlassDataset data) =>
        new(Name, data.ClassNames, data.FeatureCount, mlContext, transformer, view.Schema);
}
