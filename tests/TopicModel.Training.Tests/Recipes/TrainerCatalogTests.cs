using System.Text.Json.Nodes;
using TopicModel.ML;
using TopicModel.ML.Trainers;
using TopicModel.TestSupport;
using TopicModel.Training.Recipes;
using TopicModel.Training.Trainers;

namespace TopicModel.Training.Tests.Recipes;

public sealed class TrainerCatalogTests
{
    [Fact]
    public void A_trainer_is_built_from_a_name_and_hyperparameters()
    {
        var (trainer, hyperparameters) = TrainerCatalog.Create("naivebayes", new JsonObject { ["variant"] = "complement", ["alpha"] = 0.5 }, seed: 3);

        var options = Assert.IsType<NaiveBayes>(trainer).Options;
        Assert.Equal(NaiveBayesVariant.Complement, options.Variant);
        Assert.Equal(0.5f, options.Alpha);
        Assert.Equal("complement", hyperparameters["variant"]!.GetValue<string>());
    }

    [Fact]
    public void One_versus_all_takes_its_learner_options_flat_and_records_them()
    {
        var (trainer, hyperparameters) = TrainerCatalog.Create("OneVersusAll",
            new JsonObject { ["binaryLearner"] = "averagedPerceptron", ["learningRate"] = 0.5, ["numberOfIterations"] = 3, ["calibrate"] = false }, seed: 9);

        var options = Assert.IsType<OneVersusAll>(trainer).Options;
        var learner = Assert.IsType<AveragedPerceptron>(options.BinaryLearner);
        Assert.Equal(new AveragedPerceptronOptions { LearningRate = 0.5f, NumberOfIterations = 3, Seed = 9 }, learner.Options);
        Assert.False(options.Calibrate);
        Assert.Equal(9, options.Seed);
        Assert.Equal("AveragedPerceptron", hyperparameters["binaryLearner"]!.GetValue<string>());
        Assert.Equal(0.5, hyperparameters["learningRate"]!.GetValue<double>());
        Assert.False(hyperparameters["calibrate"]!.GetValue<bool>());
    }

    [Fact]
    public void FastTree_is_built_with_its_options_and_the_seed()
    {
        var (trainer, hyperparameters) = TrainerCatalog.Create("fasttree",
            new JsonObject { ["numberOfLeaves"] = 8, ["numberOfTrees"] = 30, ["learningRate"] = 0.1, ["minimumExampleCountPerLeaf"] = 4, ["earlyStoppingRounds"] = 5 }, seed: 6);

        var options = Assert.IsType<FastTree>(trainer).Options;
        Assert.Equal(new FastTreeOptions { NumberOfLeaves = 8, NumberOfTrees = 30, LearningRate = 0.1f, MinimumExampleCountPerLeaf = 4, EarlyStoppingRounds = 5, Seed = 6 }, options);
        Assert.Equal(30, hyperparameters["numberOfTrees"]!.GetValue<int>());
        Assert.Equal(255, hyperparameters["maximumBinCountPerFeature"]!.GetValue<int>());
    }

    [Fact]
    public void One_versus_all_over_boosted_trees_takes_the_FastTree_options()
    {
        var (trainer, hyperparameters) = TrainerCatalog.Create("OneVersusAll",
            new JsonObject { ["binaryLearner"] = "FastTree", ["numberOfLeaves"] = 6, ["numberOfTrees"] = 12, ["calibrationFolds"] = 1 }, seed: 4);

        var options = Assert.IsType<OneVersusAll>(trainer).Options;
        var learner = Assert.IsType<FastTreeBinary>(options.BinaryLearner);
        Assert.Equal(new FastTreeOptions { NumberOfLeaves = 6, NumberOfTrees = 12, Seed = 4 }, learner.Options);
        Assert.Equal(1, options.CalibrationFolds);
        Assert.Equal("FastTree", hyperparameters["binaryLearner"]!.GetValue<string>());
        Assert.Equal(12, hyperparameters["numberOfTrees"]!.GetValue<int>());
        var error = Assert.Throws<TopicModelException>(() =>
            TrainerCatalog.Create("OneVersusAll", new JsonObject { ["binaryLearner"] = "FastTree", ["lambda"] = 0.1 }, seed: 1));
        Assert.Contains("$.lambda: unknown setting", error.Message);
    }

    [Fact]
    public void One_versus_all_calibration_is_per_class_unless_shared_is_asked_for()
    {
        var (perClass, defaults) = TrainerCatalog.Create("OneVersusAll", new JsonObject { ["lambda"] = 0.001 }, seed: 1);
        var (shared, recorded) = TrainerCatalog.Create("OneVersusAll", new JsonObject { ["lambda"] = 0.001, ["sharedCalibration"] = true }, seed: 1);

        Assert.False(Assert.IsType<OneVersusAll>(perClass).Options.SharedCalibration);
        Assert.True(Assert.IsType<OneVersusAll>(shared).Options.SharedCalibration);
        Assert.False(defaults["sharedCalibration"]!.GetValue<bool>());
        Assert.True(recorded["sharedCalibration"]!.GetValue<bool>());
        var error = Assert.Throws<TopicModelException>(() =>
            TrainerCatalog.Create("OneVersusAll", new JsonObject { ["sharedCalibration"] = "yes" }, seed: 1));
        Assert.Contains("$.sharedCalibration: expected true or false", error.Message);
    }

    [Fact]
    public void An_option_of_the_other_binary_learner_is_rejected()
    {
        var error = Assert.Throws<TopicModelException>(() =>
            TrainerCatalog.Create("OneVersusAll", new JsonObject { ["binaryLearner"] = "LinearSvm", ["learningRate"] = 1 }, seed: 1));
        Assert.Contains("$.learningRate: unknown setting", error.Message);
    }

    [Fact]
    public void Unknown_trainer_names_are_rejected_with_the_known_ones()
    {
        var error = Assert.Throws<TopicModelException>(() => TrainerCatalog.Create("LightGbm", null, seed: 1));
        Assert.Contains("unknown trainer 'LightGbm'; known: SdcaMaximumEntropy, LbfgsMaximumEntropy, NaiveBayes, OneVersusAll, FastTree", error.Message);
    }

    [Theory]
    [InlineData("NaiveBayes", "alpah", "$.alpah: unknown setting (did you mean \"alpha\"?)")]
    [InlineData("NaiveBayes", "variant", "$.variant: expected one of \"Multinomial\", \"Complement\"")]
    [InlineData("FastTree", "numberOfLeafs", "$.numberOfLeafs: unknown setting (did you mean \"numberOfLeaves\"?)")]
    [InlineData("FastTree", "rowFraction", "$.rowFraction: expected a number")]
    [InlineData("OneVersusAll", "lamda", "$.lamda: unknown setting (did you mean \"lambda\"?)")]
    [InlineData("OneVersusAll", "binaryLearner", "$.binaryLearner: expected one of \"AveragedPerceptron\", \"LinearSvm\"")]
    public void Misspelled_or_bad_options_fail_with_their_json_path(string trainer, string option, string message)
    {
        var error = Assert.Throws<TopicModelException>(() => TrainerCatalog.Create(trainer, new JsonObject { [option] = "bernoulli" }, seed: 1));
        Assert.Contains(message, error.Message);
    }
}
