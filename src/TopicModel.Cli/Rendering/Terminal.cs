using Spectre.Console;

namespace TopicModel.Cli.Rendering;

/// <summary>
/// The console a command writes to: a Spectre console over the given writer, with colour and
/// progress bars only when that writer is an interactive terminal (none when piped or in tests).
/// </summary>
public static class Terminal
{
    public static IAnsiConsole Create(TextWriter writer)
    {
        var interactive = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Piped output has no terminal width; wide enough that tables do not wrap ids.
        if (!interactive) console.Profile.Width = 160;
        return console;
    }

    public static string Percent(double? share) => share is { } s ? $"{s * 100:0.0}%" : "-";

    public static string Number(double? value, string format = "0.000") => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "-";
}
