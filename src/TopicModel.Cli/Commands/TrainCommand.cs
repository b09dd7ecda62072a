using System.CommandLine;
using Spectre.Console;
using TopicModel.Cli.Rendering;
using TopicModel.DataPrep.Preparation;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.Cli.Commands;

/// <summary>`topicmodel train`: prep, then the AutoML search, the refit of the best pipeline, and the bundle.</summary>
public static class TrainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var recipeOption = RecipeOption.Create();
        var name = new Option<string?>("--name", "-n")
        {
            Description = "The model's name: writes models/<name>.zip (and its leaderboard), so a new model does not replace the current one [default: the recipe's output.name].",
        };
        name.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is null) return;
            if (value.Length == 0 || value.IndexOfAny(['/', '\\']) >= 0 || value.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || value is "." or "..")
                result.AddError($"--name: '{value}' is not a file name (no folders or '/'; the bundle goes to the recipe's models folder)");
        });
        var command = new Command("train", "Prepare the recipe's data, search featurizers, trainers and hyperparameters (AutoML, cross-validated on the labeled papers) within the recipe's budget, refit the best pipeline and write the model bundle and leaderboard to models/. Ctrl+C stops the search and keeps the best pipeline so far.")
        {
            recipeOption, name,
        };
        command.SetAction((parse, cancellation) =>
        {
            var recipe = RecipeReader.Read(parse.GetValue(recipeOption)!);
            if (parse.GetValue(name) is { } modelName) recipe = recipe with { Output = recipe.Output with { ModelName = modelName } };
            var console = Terminal.Create(stdout);
            var result = Train(recipe, console, stderr, cancellation);
            TrainReport.Render(console, result);
            if (result.Search.StopReason != "interrupted") return Task.FromResult(ExitCodes.Ok);
            stderr.WriteLine("interrupted: the search stopped early; the bundle holds the best pipeline found so far");
            return Task.FromResult(ExitCodes.Interrupted);
        });
        return command;
    }

    public static TrainingResult Train(Recipe recipe, IAnsiConsole console, TextWriter stderr, CancellationToken cancellation)
    {
        var data = DataPreparation.Run(PrepCommand.ToInputs(recipe), cancellation);
        foreach (var r in data.Rejects.Take(10)) stderr.WriteLine($"rejected: {r.File}:{r.Line}: {r.Reason}");
        return TrainingRun.Run(recipe, data,
            message => console.MarkupLine($"[grey]{Markup.Escape(message)}[/]"),
            (trial, sofar) => TrainReport.Progress(console, trial, sofar, recipe.AutoML.TimeBudgetSeconds),
            cancellation);
    }
}
