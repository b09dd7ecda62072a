namespace TopicModel.ML;

/// <summary>
/// The one error type users see: says what is wrong and, where there is one, the file and position.
/// The CLI prints <see cref="Exception.Message"/> without a stack trace and exits with <see cref="ExitCode"/>.
/// </summary>
public class TopicModelException : Exception
{
    public TopicModelException(string message, string? file = null, long? line = null, Exception? inner = null)
        : base(Format(message, file, line), inner)
    {
        Problem = message;
        File = file;
        Line = line;
    }

    /// <summary>The problem alone, without the location prefix.</summary>
    public string Problem { get; }
    public string? File { get; }
    /// <summary>1-based line (or record/entry position for non-text inputs).</summary>
    public long? Line { get; }

    /// <summary>Exit code the CLI uses for this error; 2 = bad input or options.</summary>
    public virtual int ExitCode => 2;

    private static string Format(string message, string? file, long? line) => (file, line) switch
    {
        (null, null) => message,
        (null, { } l) => $"line {l}: {message}",
        ({ } f, null) => $"{f}: {message}",
        ({ } f, { } l) => $"{f}:{l}: {message}",
    };
}
