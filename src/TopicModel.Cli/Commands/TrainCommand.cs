using System.CommandLine;
using Spectre.Console;
using TopicModel.Cli.Rendering;
using TopicModel.DataPrep.Preparation;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.Cli.Commands;

/// <summary>`topicmodel train`: prep, then fit the recipe's featurizer and trainer, validate, and save the bundle.</summary>
public static class TrainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var recipeOption = RecipeOption.Create();
        var command = new Command("train", "Prepare the recipe's data, fit the featurizer and trainer, report cross-validated dev metrics, and write the model bundle to models/.")
        {
            recipeOption,
        };
        command.SetAction((parse, cancellation) =>
        {
            var recipe = RecipeReader.Read(parse.GetValue(recipeOption)!);
            var console = Terminal.Create(stdout);
            var result = Train(recipe, console, stderr, cancellation);
            TrainReport.Render(console, result);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    public static TrainingResult Train(Recipe recipe, IAnsiConsole console, TextWriter stderr, CancellationToken cancellation)
    {
        var data = DataPreparation.Run(PrepCommand.ToInputs(recipe), cancellation);
        foreach (var r in data.Rejects.Take(10)) stderr.WriteLine($"rejected: {r.File}:{r.Line}: {r.Reason}");
        return TrainingRun.Run(recipe, data, message => console.MarkupLine($"[grey]{Markup.Escape(message)}[/]"), cancellation);
    }
}
