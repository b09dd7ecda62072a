using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace TopicModel.Notebooks;

/// <summary>
/// Runs a notebook's C# cells in order with Roslyn scripting, one script state per notebook (each cell continues
/// the previous one, like a Polyglot C# kernel), and fills in outputs and execution counts like
/// <c>jupyter nbconvert --execute</c>. Markdown and raw cells are left as they are.
/// <para>
/// <c>#r "path"</c> is resolved relative to the notebook's folder. An assembly the host process has already loaded
/// (our own TopicModel.*.dll when run by <c>topicmodel</c>) binds to the loaded copy, so the notebook runs against
/// the runner's version of the library and its types are the ones <c>display</c> knows; other assemblies are loaded
/// from the file. Cells run with the notebook's folder as the current directory (as in VS Code), and what they
/// write to the console becomes a <c>stream</c> output.
/// </para>
/// A failing cell (compile error, exception, unsupported directive) stops the run: the cell gets an <c>error</c>
/// output and <see cref="NotebookRunResult.Failure"/> names the cell, the line and the message.
/// </summary>
public static class NotebookRunner
{
    private static readonly string[] Imports =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks"];

    // Cells change the process's current directory and console: one notebook at a time.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <param name="progress">Called before each code cell with its 1-based position among all cells.</param>
    public static async Task<NotebookRunResult> RunAsync(string path, Action<int>? progress = null, CancellationToken cancellation = default)
    {
        var fullPath = Path.GetFullPath(path);
        var notebook = NotebookFile.Read(fullPath);
        await Gate.WaitAsync(cancellation);
        var savedDirectory = Environment.CurrentDirectory;
        var savedOut = Console.Out;
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(fullPath)!;
            return await RunCellsAsync(fullPath, notebook, progress, cancellation);
        }
        finally
        {
            Console.SetOut(savedOut);
            Environment.CurrentDirectory = savedDirectory;
            Gate.Release();
        }
    }

    private static async Task<NotebookRunResult> RunCellsAsync(string path, JsonObject notebook, Action<int>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var folder = Path.GetDirectoryName(path)!;
        var globals = new NotebookGlobals();
        var options = ScriptOptions.Default
            .WithImports(Imports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .AddReferences(typeof(NotebookGlobals).Assembly, typeof(JsonNode).Assembly);
        ScriptState<object>? state = null;
        var cells = notebook["cells"]!.AsArray();
        var executionCount = 0;

        // nbconvert clears every code cell's outputs first, so cells after a failure show nothing stale.
        foreach (var cell in cells.OfType<JsonObject>().Where(IsCode))
        {
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!.AsObject();
            if (!IsCode(cell)) continue;
            var number = i + 1;
            var source = NotebookFile.Source(cell);
            if (string.IsNullOrWhiteSpace(source)) continue;
            cancellation.ThrowIfCancellationRequested();
            progress?.Invoke(number);
            cell["execution_count"] = ++executionCount;
            var outputs = (JsonArray)cell["outputs"]!;
            var displayed = globals.StartCell();
            var console = new StringWriter();
            Console.SetOut(console);
            CellFailure? failure = null;
            try
            {
                var kernel = Kernel(cell);
                if (kernel is not null and not "csharp")
                    throw new CellCode.DirectiveException(1, $"the cell's kernel is '{kernel}': `topicmodel notebook run` runs C# cells only");
                var code = CellCode.Parse(source);
                options = AddReferences(options, code.References, folder);
                var cellOptions = options.WithFilePath(CellFile(path, number));
                state = state is null
                    ? await CSharpScript.RunAsync(code.Code, cellOptions, globals, typeof(NotebookGlobals), cancellation)
                    : await state.ContinueWithAsync(code.Code, cellOptions, cancellation);
                if (state.ReturnValue is { } value) displayed = [.. displayed, DisplayFormatter.Format(value)];
            }
            catch (CellCode.DirectiveException e)
            {
                failure = new CellFailure(path, number, e.Line, e.ErrorName, e.Message);
            }
            catch (CompilationErrorException e)
            {
                var first = e.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) ?? e.Diagnostics.First();
                var line = first.Location.IsInSource ? first.Location.GetLineSpan().StartLinePosition.Line + 1 : (int?)null;
                var messages = string.Join("; ", e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).DistinctBy(d => d.Id).Take(3)
                    .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
                failure = new CellFailure(path, number, line, "CompilationError", messages);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                var error = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                failure = new CellFailure(path, number, LineOf(error, CellFile(path, number)), error.GetType().Name, error.Message);
            }

            if (console.ToString() is { Length: > 0 } printed)
                outputs.Add(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = NotebookFile.Lines(printed) });
            var shown = displayed.ToList();
            for (var d = 0; d < shown.Count; d++)
            {
                var isResult = failure is null && state?.ReturnValue is not null && d == shown.Count - 1;
                outputs.Add(Output(shown[d], isResult ? executionCount : null));
            }
            if (failure is not null)
            {
                outputs.Add(new JsonObject
                {
                    ["ename"] = failure.ErrorName,
                    ["evalue"] = failure.Message,
                    ["output_type"] = "error",
                    ["traceback"] = new JsonArray($"cell {failure.Cell}{(failure.Line is { } l ? $", line {l}" : "")}: {failure.ErrorName}: {failure.Message}"),
                });
                return new NotebookRunResult(path, notebook, executionCount, clock.Elapsed, failure);
            }
        }
        return new NotebookRunResult(path, notebook, executionCount, clock.Elapsed, null);
    }

    private static JsonObject Output(DisplayOutput output, int? executionCount)
    {
        var json = new JsonObject { ["data"] = new JsonObject { [output.MimeType] = NotebookFile.Lines(output.Text) }, ["metadata"] = new JsonObject() };
        if (executionCount is { } n)
        {
            json["execution_count"] = n;
            json["output_type"] = "execute_result";
        }
        else json["output_type"] = "display_data";
        return json;
    }

    private static ScriptOptions AddReferences(ScriptOptions options, IReadOnlyList<CellCode.Reference> references, string folder)
    {
        foreach (var reference in references)
        {
            var file = Path.GetFullPath(Path.Combine(folder, reference.Path));
            var name = Path.GetFileNameWithoutExtension(file);
            var loaded = HostAssembly(name);
            if (loaded is not null)
            {
                options = options.AddReferences(loaded);
                continue;
            }
            if (!File.Exists(file))
                throw new CellCode.DirectiveException(reference.Line, "ReferenceNotFound",
                    $"#r \"{reference.Path}\": file not found: {file} (build it first; see notebooks/README.md)");
            options = options.AddReferences(MetadataReference.CreateFromFile(file));
        }
        return options;
    }

    /// <summary>
    /// The host's own copy of an assembly: already loaded, or one the host application can load by name (it is in
    /// its dependencies, like TopicModel.*.dll for `topicmodel`); null when the host does not have it.
    /// </summary>
    private static Assembly? HostAssembly(string name)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.Location.Length > 0 && string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null) return loaded;
        try
        {
            var assembly = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name));
            return assembly.Location.Length > 0 ? assembly : null;
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The cell's kernel from Polyglot's cell metadata, or null when it does not say.</summary>
    private static string? Kernel(JsonObject cell) =>
        (cell["metadata"]?["polyglot_notebook"]?["kernelName"] ?? cell["metadata"]?["dotnet_interactive"]?["language"]) is JsonValue v
            && v.TryGetValue<string>(out var name) ? name : null;

    private static bool IsCode(JsonObject cell) => cell["cell_type"]?.GetValue<string>() == "code";

    private static string CellFile(string notebook, int cell) => $"{notebook}#cell{cell}";

    /// <summary>The innermost stack frame in the cell's code: where in the cell the exception came from.</summary>
    private static int? LineOf(Exception error, string cellFile)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames()
                .FirstOrDefault(f => f.GetFileName() == cellFile && f.GetFileLineNumber() > 0);
            if (frame is not null) return frame.GetFileLineNumber();
        }
        return null;
    }
}
