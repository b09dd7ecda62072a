using System.CommandLine;
using TopicModel.Training.Recipes;

namespace TopicModel.Cli.Commands;

/// <summary>The --recipe option every recipe-driven verb shares.</summary>
public static class RecipeOption
{
    public static Option<string> Create() => new("--recipe", "-r")
    {
        Description = "The training recipe: data, taxonomy, labeling, outputs and seed.",
        DefaultValueFactory = _ => "train.json",
    };

    /// <summary>The bundle a recipe's run writes, which --model defaults to.</summary>
    public static string DefaultBundle(Recipe recipe) => Path.Combine(recipe.Output.ModelsDirectory, recipe.Output.ModelName + ".zip");
}
