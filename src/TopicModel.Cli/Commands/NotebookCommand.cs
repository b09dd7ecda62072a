using System.CommandLine;
using System.Globalization;
using TopicModel.ML;
using TopicModel.Notebooks;

namespace TopicModel.Cli.Commands;

/// <summary>
/// `topicmodel notebook run`: executes .ipynb notebooks headless in the real .NET Interactive C# kernel, hosted in-process, and writes the executed
/// copies with their outputs, like <c>jupyter nbconvert --to notebook --execute</c>.
/// </summary>
public static class NotebookCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("notebook", "Work with the Polyglot C# notebooks in notebooks/.");
        command.Subcommands.Add(Run(stdout, stderr));
        command.Subcommands.Add(Export(stdout));
        return command;
    }

    private static Command Run(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("notebooks") { Description = "The .ipynb files to run, in order.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string?>("--out") { Description = "Folder for the executed notebooks (same file names) [default: beside each input as <name>.nbconvert.ipynb]." };
        var output = new Option<string?>("--output", "-o") { Description = "The executed notebook's path (only with one input notebook)." };
        var command = new Command("run", "Execute the notebooks' cells in order in the .NET Interactive C# kernel (hosted in this process, one kernel per notebook, #r \"nuget: ...\" and #i supported) and write the executed notebooks with their outputs. A failing cell stops with the cell, the line and the error.")
        {
            files, outDir, output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var inputs = parse.GetValue(files)!;
            var single = parse.GetValue(output);
            var folder = parse.GetValue(outDir);
            if (single is not null && folder is not null) throw new TopicModelException("give --out or --output, not both");
            if (single is not null && inputs.Length > 1) throw new TopicModelException($"--output names one file but {inputs.Length} notebooks were given; use --out DIR");
            foreach (var f in inputs.Where(f => !File.Exists(f))) throw new TopicModelException("notebook not found", f);

            foreach (var input in inputs)
            {
                var target = single ?? (folder is not null
                    ? Path.Combine(folder, Path.GetFileName(input))
                    : Path.ChangeExtension(input, ".nbconvert.ipynb"));
                if (Path.GetFullPath(target) == Path.GetFullPath(input))
                    throw new TopicModelException("the executed notebook would overwrite its input; choose another --out", input);
                stderr.WriteLine($"running {input}");
                var result = await NotebookRunner.RunAsync(input, cell => stderr.WriteLine($"  cell {cell}"), cancellation);
                NotebookDocument.Write(target, result.Notebook);
                if (result.Failure is { } failure)
                {
                    stderr.WriteLine($"error: {failure}");
                    stderr.WriteLine($"wrote the partly executed notebook to {target}");
                    return ExitCodes.NotebookFailed;
                }
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{input}: {result.CodeCellsRun} code cells in {result.Elapsed.TotalSeconds:0.0} s -> {target}"));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(TextWriter stdout)
    {
        var file = new Argument<string>("notebook") { Description = "The .ipynb file to export." };
        var output = new Option<string?>("--output", "-o") { Description = "The app's path [default: beside the notebook as <name>.cs]." };
        var command = new Command("export", "Write the notebook as a C# file-based app (`dotnet run NAME.cs`) that runs the same cells in order and writes their displayed outputs (DataFrames, Plotly.NET charts) to one offline HTML page.")
        {
            file, output,
        };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(file)!;
            if (!File.Exists(input)) throw new TopicModelException("notebook not found", input);
            var target = parse.GetValue(output) ?? Path.ChangeExtension(input, ".cs");
            var source = NotebookExporter.Export(NotebookDocument.Read(input), input, target);
            var temp = target + ".tmp";
            File.WriteAllText(temp, source);
            File.Move(temp, target, overwrite: true);
            stdout.WriteLine($"{input} -> {target} (run: dotnet run {target})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
