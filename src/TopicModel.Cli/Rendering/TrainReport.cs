using Spectre.Console;
using TopicModel.Training.Pipelines;

namespace TopicModel.Cli.Rendering;

/// <summary>What `train` prints: the dev metrics, how they were measured, and where the bundle went.</summary>
public static class TrainReport
{
    public static void Render(IAnsiConsole console, TrainingResult result)
    {
        var m = result.Dev;
        var trainer = result.Bundle.Manifest["trainer"]?["name"]?.GetValue<string>() ?? "?";
        var table = new Table().Title($"Dev metrics: {trainer}").AddColumns("metric", "value");
        table.AddRow("MicroAccuracy", Terminal.Number(m.MicroAccuracy));
        table.AddRow("MacroAccuracy", Terminal.Number(m.MacroAccuracy));
        table.AddRow("macro-F1", Terminal.Number(m.MacroF1));
        table.AddRow("LogLoss", Terminal.Number(m.LogLoss));
        table.AddRow("LogLossReduction", Terminal.Number(m.LogLossReduction));
        table.AddRow("TopKAccuracy (k=3)", Terminal.Number(m.Top3Accuracy));
        console.Write(table);
        console.WriteLine($"Validation: {result.ValidationRule}.");
        console.WriteLine($"Trained on {result.TrainingPapers} papers ({result.Bundle.Classifier.Featurizer.Dimension} features) in {result.Elapsed.TotalSeconds:0.0} s.");
        console.WriteLine($"Model bundle: {result.BundlePath}");
    }
}
