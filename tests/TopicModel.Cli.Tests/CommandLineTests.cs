using TopicModel.TestSupport;

namespace TopicModel.Cli.Tests;

/// <summary>Command-line mistakes are bad input: exit 2, one "error:" line per problem and where to look, never a stack trace.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cli-args").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("score", "Required argument 'inputs' missing")]
    [InlineData("score --bogus DIGEST", "unknown option '--bogus'")]
    [InlineData("score -m MODEL DIGEST --threads -2", "--threads: must be at least 0")]
    [InlineData("score -m MODEL DIGEST --top 0", "--top: must be at least 1")]
    [InlineData("score -m MODEL DIGEST --digest-year 0", "--digest-year: expected a year from 1 to 9999")]
    [InlineData("evaluate --bogus", "unknown option '--bogus'")]
    [InlineData("topics -m MODEL --terms 0", "--terms: must be at least 1")]
    [InlineData("train --name ../elsewhere", "--name: '../elsewhere' is not a file name")]
    [InlineData("frobnicate", "Unrecognized command or argument 'frobnicate'")]
    public void A_command_line_mistake_exits_2_with_the_problem_and_a_pointer_to_help(string line, string problem)
    {
        var args = line.Split(' ').Select(a => a switch
        {
            "DIGEST" => RepoPaths.HeldOutDigest,
            "MODEL" => Path.Combine(_dir, "model.zip"),
            _ => a,
        }).ToArray();

        var (code, _, stderr) = CliRunner.Run(args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(problem, stderr);
        Assert.Contains("--help", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Score_without_a_model_uses_the_recipes_and_says_which_recipe_is_missing()
    {
        var recipe = Path.Combine(_dir, "train.json");

        var (code, _, stderr) = CliRunner.Run("score", "--recipe", recipe, RepoPaths.HeldOutDigest, "-o", Path.Combine(_dir, "out.jsonl"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(recipe, stderr);
    }

    [Fact]
    public void An_unwritable_prep_output_exits_2_naming_the_folder_given()
    {
        var blocker = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(blocker, "a file where a folder should go");

        var (code, _, stderr) = CliRunner.Run("prep", "--recipe", RepoPaths.Recipe, "--out", Path.Combine(blocker, "prepared"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"cannot write: {blocker} is a file, not a folder", stderr);
        Assert.DoesNotContain(".tmp", stderr);
        Assert.DoesNotContain("internal error", stderr);
    }
}
