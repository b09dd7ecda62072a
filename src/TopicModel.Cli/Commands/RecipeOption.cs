using System.CommandLine;

namespace TopicModel.Cli.Commands;

/// <summary>The --recipe option every recipe-driven verb shares.</summary>
public static class RecipeOption
{
    public static Option<string> Create() => new("--recipe", "-r")
    {
        Description = "The training recipe: data, taxonomy, labeling, outputs and seed.",
        DefaultValueFactory = _ => "train.json",
    };
}
