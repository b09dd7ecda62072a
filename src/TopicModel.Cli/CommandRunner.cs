using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using TopicModel.ML;

namespace TopicModel.Cli;

/// <summary>
/// Parses and runs a command line, printing errors as one clear line (no stack trace for bad input) mapped to the
/// exit codes in <see cref="ExitCodes"/>. Shared by `topicmodel` and the native `topicmodel-score`, which links it.
/// </summary>
public static class CommandRunner
{
    /// <param name="program">The executable's name, for the "see: ... --help" hint.</param>
    public static async Task<int> RunAsync(RootCommand root, string program, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            // Command-line mistakes are bad input (exit 2), not "finished with rejects" (1, System.CommandLine's default).
            foreach (var error in parsed.Errors) stderr.WriteLine($"error: {error.Message}");
            var verb = parsed.CommandResult.Command;
            stderr.WriteLine(verb == root ? $"see: {program} --help" : $"see: {program} {string.Join(' ', Path(parsed.CommandResult))} --help");
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
