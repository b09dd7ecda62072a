using System.Text;

namespace TopicModel.Notebooks;

/// <summary>
/// A C# cell split into its directives and its code: a leading <c>#!csharp</c> magic and <c>#r "..."</c> lines
/// are taken out (replaced by blank lines, so line numbers in errors still match the cell), any other
/// <c>#!</c> magic is an error. Paths of <c>#r</c> stay as written; <see cref="NotebookRunner"/> resolves them.
/// </summary>
public sealed record CellCode(string Code, IReadOnlyList<CellCode.Reference> References)
{
    /// <param name="Line">1-based line of the directive in the cell.</param>
    public sealed record Reference(int Line, string Path);

    /// <summary>A directive the runner cannot execute; <paramref name="Line"/> is 1-based.</summary>
    public sealed class DirectiveException(int line, string errorName, string message) : Exception(message)
    {
        public DirectiveException(int line, string message) : this(line, "UnsupportedDirective", message) { }

        public int Line { get; } = line;
        public string ErrorName { get; } = errorName;
    }

    public static CellCode Parse(string source)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var references = new List<Reference>();
        var code = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = trimmed.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
                if (magic is "#!csharp" or "#!c#" or "#!C#") line = "";
                else throw new DirectiveException(i + 1,
                    $"the magic command '{magic}' is not supported by `topicmodel notebook run`: it runs C# cells only " +
                    "(#!csharp is accepted; other kernels and magic commands need VS Code Polyglot)");
            }
            else if (trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#r\t", StringComparison.Ordinal))
            {
                var argument = trimmed[2..].Trim();
                if (argument.Length < 2 || argument[0] != '"' || argument[^1] != '"')
                    throw new DirectiveException(i + 1, $"#r needs a quoted path, e.g. #r \"../src/TopicModel.Cli/bin/Release/net10.0/TopicModel.Training.dll\"; got: {trimmed}");
                var path = argument[1..^1];
                if (path.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                    throw new DirectiveException(i + 1, $"#r \"{path}\": NuGet references are not supported by `topicmodel notebook run`; reference a built assembly by path");
                references.Add(new Reference(i + 1, path));
                line = "";
            }
            if (i > 0) code.Append('\n');
            code.Append(line);
        }
        return new CellCode(code.ToString(), references);
    }
}
