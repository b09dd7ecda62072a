using System.CommandLine;
using TopicModel.Cli.Commands;
using TopicModel.ML;

namespace TopicModel.Cli;

/// <summary>
/// The `topicmodel` command: one binary with verbs, like fastText's. Errors are printed as one clear
/// line (no stack trace for bad input) and mapped to the exit codes in <see cref="ExitCodes"/>.
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

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parsed = root.Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (TopicModelException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("interrupted: stopped cleanly; finished outputs were kept.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"internal error (please report this with the command you ran): {e}");
            return ExitCodes.InternalError;
        }
    }
}
