using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
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
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            // Command-line mistakes are bad input (exit 2), not "finished with rejects" (1, System.CommandLine's default).
            foreach (var error in parsed.Errors) stderr.WriteLine($"error: {error.Message}");
            var verb = parsed.CommandResult.Command;
            stderr.WriteLine(verb == root ? "see: topicmodel --help" : $"see: topicmodel {string.Join(' ', Path(parsed.CommandResult))} --help");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
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

    /// <summary>The verbs from the root down to a command, e.g. "notebook run".</summary>
    private static IEnumerable<string> Path(CommandResult command)
    {
        var names = new Stack<string>();
        for (var r = command; r.Parent is CommandResult parent; r = parent) names.Push(r.Command.Name);
        return names;
    }
}
