using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.ML.Trainers;
using TopicModel.MLNet;
using TopicModel.Training.Recipes;

namespace TopicModel.Training.Trainers;

/// <summary>
/// Builds trainers from the recipe's trainer section. One place that knows every trainer's name and
/// options, so a misspelled option fails with its JSON path instead of being ignored.
/// </summary>
public static class TrainerCatalog
{
    /// <summary>Ours, then ML.NET's ("MLNet." + ML.NET's name): the search can try both on the same folds.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [SdcaMaximumEntropy.TrainerName, LbfgsMaximumEntropy.TrainerName, NaiveBayes.TrainerName, OneVersusAll.TrainerName, FastTree.TrainerName,
         .. MlNetTrainer.Names];

    /// <summary>
    /// A trainer from a name (any case) and hyperparameters written as in the recipe's trainer options, e.g.
    /// for a hyperparameter search; errors read "hyperparameters: $.name: …".
    /// </summary>
    public static (IMulticlassTrainer Trainer, JsonObject Hyperparameters) Create(string name, JsonObject? hyperparameters, int seed)
    {
        var canonical = Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ML.TopicModelException($"unknown trainer '{name}'; known: {string.Join(", ", Names)}");
        var options = JsonSerializer.SerializeToElement(hyperparameters ?? new JsonObject());
        return Create(new TrainerChoice(canonical, options, "$", "hyperparameters"), seed);
    }

    /// <summary>The trainer and its effective hyperparameters (defaults filled in), for the manifest.</summary>
    public static (IMulticlassTrainer Trainer, JsonObject Hyperparameters) Create(TrainerChoice choice, int seed)
    {
        var o = new JsonSection(choice.Options, choice.Path, choice.File);
        switch (choice.Name)
        {
            case SdcaMaximumEntropy.TrainerName:
            {
                var d = new SdcaMaximumEntropyOptions();
                var options = d with
                {
                    L2Regularization = o.Has("l2Regularization") ? (float)o.Double("l2Regularization", 0, min: 0) : d.L2Regularization,
                    L1Regularization = (float)o.Double("l1Regularization", d.L1Regularization, min: 0),
                    ConvergenceTolerance = (float)o.Double("convergenceTolerance", d.ConvergenceTolerance, min: 0),
                    MaximumNumberOfIterations = o.Int("maximumNumberOfIterations", d.MaximumNumberOfIterations, min: 1),
                    Shuffle = o.Bool("shuffle", d.Shuffle),
                    Seed = seed,
                };
                o.RejectUnknown();
                return (new SdcaMaximumEntropy(options), Describe(options));
            }
            case LbfgsMaximumEntropy.TrainerName:
            {
                var d = new LbfgsMaximumEntropyOptions();
                var options = d with
                {
                    L2Regularization = (float)o.Double("l2Regularization", d.L2Regularization, min: 0),
                    L1Regularization = (float)o.Double("l1Regularization", d.L1Regularization, min: 0),
                    OptimizationTolerance = (float)o.Double("optimizationTolerance", d.OptimizationTolerance, min: 0),
                    HistorySize = o.Int("historySize", d.HistorySize, min: 1),
                    MaximumNumberOfIterations = o.Int("maximumNumberOfIterations", d.MaximumNumberOfIterations, min: 1),
                    Seed = seed,
                };
                o.RejectUnknown();
                return (new LbfgsMaximumEntropy(options), Describe(options));
            }
            case NaiveBayes.TrainerName:
            {
                var d = new NaiveBayesOptions();
                var options = d with
                {
                    Variant = Enum.Parse<NaiveBayesVariant>(o.Choice("variant", d.Variant.ToString(), Enum.GetNames<NaiveBayesVariant>())),
                    Alpha = (float)o.Double("alpha", d.Alpha, min: double.Epsilon),
                    FitPriors = o.Bool("fitPriors", d.FitPriors),
                    NormalizeWeights = o.Bool("normalizeWeights", d.NormalizeWeights),
                };
                o.RejectUnknown();
                return (new NaiveBayes(options), Describe(options));
            }
            case OneVersusAll.TrainerName:
            {
                var (options, hyperparameters) = OneVersusAllOptions(o, seed);
                return (new OneVersusAll(options), hyperparameters);
            }
            case FastTree.TrainerName:
            {
                var options = FastTreeOptions(o, seed);
                o.RejectUnknown();
                return (new FastTree(options), Describe(options));
            }
            case MlNetTrainer.SdcaMaximumEntropy or MlNetTrainer.LbfgsMaximumEntropy:
            {
                var options = new MlNetTrainerOptions
                {
                    L2Regularization = o.Has("l2Regularization") ? (float)o.Double("l2Regularization", 0, min: 0) : null,
                    L1Regularization = o.Has("l1Regularization") ? (float)o.Double("l1Regularization", 0, min: 0) : null,
                    MaximumNumberOfIterations = o.Has("maximumNumberOfIterations") ? o.Int("maximumNumberOfIterations", 1, min: 1) : null,
                    Seed = seed,
                };
                o.RejectUnknown();
                return (new MlNetTrainer(choice.Name, options), Describe(options));
            }
            case MlNetTrainer.LightGbm or MlNetTrainer.OneVersusAllFastTree:
            {
                var d = new MlNetTrainerOptions();
                var options = d with
                {
                    NumberOfLeaves = o.Int("numberOfLeaves", d.NumberOfLeaves, min: 2),
                    NumberOfTrees = o.Int("numberOfTrees", d.NumberOfTrees, min: 1),
                    LearningRate = o.Double("learningRate", d.LearningRate, min: double.Epsilon),
                    MinimumExampleCountPerLeaf = o.Int("minimumExampleCountPerLeaf", d.MinimumExampleCountPerLeaf, min: 1),
                    Seed = seed,
                };
                o.RejectUnknown();
                return (new MlNetTrainer(choice.Name, options), Describe(options));
            }
            case MlNetTrainer.OneVersusAllLinearSvm:
            {
                var d = new MlNetTrainerOptions();
                var options = d with
                {
                    Lambda = (float)o.Double("lambda", d.Lambda, min: double.Epsilon),
                    NumberOfIterations = o.Int("numberOfIterations", d.NumberOfIterations, min: 1),
                    Seed = seed,
                };
                o.RejectUnknown();
                return (new MlNetTrainer(choice.Name, options), new JsonObject { ["lambda"] = options.Lambda, ["numberOfIterations"] = options.NumberOfIterations });
            }
            case MlNetTrainer.NaiveBayes:
                o.RejectUnknown();
                return (new MlNetTrainer(choice.Name, new MlNetTrainerOptions { Seed = seed }), new JsonObject());
            default:
                throw new ML.TopicModelException($"{choice.Path}: unknown trainer '{choice.Name}'; known: {string.Join(", ", Names)}", choice.File);
        }
    }

    /// <summary>
    /// The options are flat: "binaryLearner" picks the learner and only that learner's options are
    /// accepted beside the calibration ones, so e.g. a learningRate given to LinearSvm fails as unknown.
    /// </summary>
    private static (OneVersusAllOptions Options, JsonObject Hyperparameters) OneVersusAllOptions(JsonSection o, int seed)
    {
        var d = new OneVersusAllOptions();
        var learnerName = o.Choice("binaryLearner", d.BinaryLearner.Name, AveragedPerceptron.LearnerName, LinearSvm.LearnerName, FastTreeBinary.LearnerName);
        object learnerOptions;
        IBinaryLearner learner;
        if (learnerName == FastTreeBinary.LearnerName)
        {
            var trees = FastTreeOptions(o, seed);
            (learner, learnerOptions) = (new FastTreeBinary(trees), trees);
        }
        else if (learnerName == AveragedPerceptron.LearnerName)
        {
            var a = new AveragedPerceptronOptions();
            var ap = a with
            {
                LearningRate = (float)o.Double("learningRate", a.LearningRate, min: double.Epsilon),
                NumberOfIterations = o.Int("numberOfIterations", a.NumberOfIterations, min: 1),
                Shuffle = o.Bool("shuffle", a.Shuffle),
                Seed = seed,
            };
            (learner, learnerOptions) = (new AveragedPerceptron(ap), ap);
        }
        else
        {
            var l = new LinearSvmOptions();
            var svm = l with
            {
                Lambda = (float)o.Double("lambda", l.Lambda, min: double.Epsilon),
                NumberOfIterations = o.Int("numberOfIterations", l.NumberOfIterations, min: 1),
                Shuffle = o.Bool("shuffle", l.Shuffle),
                Seed = seed,
            };
            (learner, learnerOptions) = (new LinearSvm(svm), svm);
        }
        var options = d with
        {
            BinaryLearner = learner,
            Calibrate = o.Bool("calibrate", d.Calibrate),
            CalibrationFolds = o.Int("calibrationFolds", d.CalibrationFolds, min: 1, max: 100),
            SharedCalibration = o.Bool("sharedCalibration", d.SharedCalibration),
            Seed = seed,
        };
        o.RejectUnknown();
        var hyperparameters = Describe(learnerOptions);
        hyperparameters.Insert(0, "binaryLearner", learnerName);
        hyperparameters["calibrate"] = options.Calibrate;
        hyperparameters["calibrationFolds"] = options.CalibrationFolds;
        hyperparameters["sharedCalibration"] = options.SharedCalibration;
        return (options, hyperparameters);
    }

    /// <summary>FastTree's options, shared by the softmax trainer and OneVersusAll's FastTree binary learner.</summary>
    private static FastTreeOptions FastTreeOptions(JsonSection o, int seed)
    {
        var d = new FastTreeOptions();
        return d with
        {
            NumberOfLeaves = o.Int("numberOfLeaves", d.NumberOfLeaves, min: 2),
            NumberOfTrees = o.Int("numberOfTrees", d.NumberOfTrees, min: 1),
            MinimumExampleCountPerLeaf = o.Int("minimumExampleCountPerLeaf", d.MinimumExampleCountPerLeaf, min: 1),
            LearningRate = (float)o.Double("learningRate", d.LearningRate, min: 0),
            MaximumBinCountPerFeature = o.Int("maximumBinCountPerFeature", d.MaximumBinCountPerFeature, min: 2, max: 65536),
            L2Regularization = (float)o.Double("l2Regularization", d.L2Regularization, min: 0),
            FeatureFraction = (float)o.Double("featureFraction", d.FeatureFraction, min: double.Epsilon, max: 1),
            RowFraction = (float)o.Double("rowFraction", d.RowFraction, min: double.Epsilon, max: 1),
            EarlyStoppingRounds = o.Int("earlyStoppingRounds", d.EarlyStoppingRounds, min: 0),
            ValidationFraction = (float)o.Double("validationFraction", d.ValidationFraction, min: double.Epsilon, max: 0.9),
            Seed = seed,
        };
    }

    private static JsonObject Describe<T>(T options) =>
        (JsonObject)JsonSerializer.SerializeToNode(options, Json.Options)!;
}
