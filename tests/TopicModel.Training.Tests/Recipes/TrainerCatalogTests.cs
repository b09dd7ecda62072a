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
    public void An_option_of_the_other_binary_learner_is_rejected()
    {
        var error = Assert.Throws<TopicModelException>(() =>
            TrainerCatalog.Create("OneVersusAll", new JsonObject { ["binaryLearner"] = "LinearSvm", ["learningRate"] = 1 }, seed: 1));
        Assert.Contains("$.learningRate: unknown setting", error.Message);
    }

    [Fact]
    public void Unknown_trainer_names_are_rejected_with_the_known_ones()
    {
        var error = Assert.Throws<TopicModelException>(() => TrainerCatalog.Create("FastTree", null, seed: 1));
        Assert.Contains("unknown trainer 'FastTree'; known: SdcaMaximumEntropy, LbfgsMaximumEntropy, NaiveBayes, OneVersusAll", error.Message);
    }

    [Theory]
    [InlineData("NaiveBayes", "alpah", "$.alpah: unknown setting (did you mean \"alpha\"?)")]
    [InlineData("NaiveBayes", "variant", "$.variant: expected one of \"Multinomial\", \"Complement\"")]
    [InlineData("OneVersusAll", "lamda", "$.lamda: unknown setting (did you mean \"lambda\"?)")]
    [InlineData("OneVersusAll", "binaryLearner", "$.binaryLearner: expected one of \"AveragedPerceptron\", \"LinearSvm\"")]
    public void Misspelled_or_bad_options_fail_with_their_json_path(string trainer, string option, string message)
    {
        var error = Assert.Throws<TopicModelException>(() => TrainerCatalog.Create(trainer, new JsonObject { [option] = "bernoulli" }, seed: 1));
        Assert.Contains(message, error.Message);
    }
}
