using System.CommandLine;
using TopicModel.Cli.Commands;

namespace TopicModel.Cli;

/// <summary>
/// The `topicmodel` command: one binary with verbs, like fastText's. Errors are printed as one clear
/// line (no stack trace for bad input) and mapped to the exit codes in <see cref="ExitCodes"/> (<see cref="CommandRunner"/>).
/// </summary>
public static class CliApp
{
    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("TopicModel: sort machine-learning paper abstracts into topics (prep, train, evaluate, score, topics, run, notebook).");
        root.Subcommands.Add(PrepCommand.Create(stdout, stderr));
        root.Subcommands.Add(TrainCommand.Create(stdout, stderr));
        root.Subcommands.Add(EvaluateCommand.Create(stdout, stderr));
        root.Subcommands.Add(ScoreCommand.Create(stdout, stderr));
        root.Subcommands.Add(TopicsCommand.Create(stdout, stderr));
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(NotebookCommand.Create(stdout, stderr));
        return root;
    }

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        CommandRunner.RunAsync(Build(stdout, stderr), "topicmodel", args, stdout, stderr);
}
