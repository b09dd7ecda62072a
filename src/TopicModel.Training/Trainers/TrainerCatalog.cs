using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.ML.Trainers;
using TopicModel.Training.Recipes;

namespace TopicModel.Training.Trainers;

/// <summary>
/// Builds trainers from the recipe's trainer section. One place that knows every trainer's name and
/// options, so a misspelled option fails with its JSON path instead of being ignored.
/// </summary>
public static class TrainerCatalog
{
    public static IReadOnlyList<string> Names { get; } = [SdcaMaximumEntropy.TrainerName, LbfgsMaximumEntropy.TrainerName];

    /// <summary>A trainer from its name and options as a JSON object (how a search configuration names one).</summary>
    public static (IMulticlassTrainer Trainer, JsonObject Hyperparameters) Create(string name, JsonObject options, int seed, string path = "$.trainer.options", string file = "search space")
    {
        using var doc = JsonDocument.Parse(options.ToJsonString());
        return Create(new TrainerChoice(name, doc.RootElement.Clone(), path, file), seed);
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
            default:
                throw new ML.TopicModelException($"{choice.Path}: unknown trainer '{choice.Name}'; known: {string.Join(", ", Names)}", choice.File);
        }
    }

    private static JsonObject Describe<T>(T options) =>
        (JsonObject)JsonSerializer.SerializeToNode(options, Json.Options)!;
}
