using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace TopicModel.Notebooks;

/// <summary>
/// Runs a notebook's cells in order in the real .NET Interactive C# kernel, hosted in this process (a
/// <see cref="CompositeKernel"/> with a <see cref="CSharpKernel"/>, <c>#r "nuget: ..."</c> and <c>#i</c> from the
/// package-management extension, kernel extensions of the packages loaded), and fills in outputs and execution counts
/// like <c>jupyter nbconvert --execute</c>. The kernel's rules apply, not ours: its default usings, its directives,
/// its formatters. Cells run with the notebook's folder as the current directory, as in Jupyter and VS Code.
/// <para>
/// A failing cell (a compiler error, an exception, a cell for a kernel other than C#) stops the run: the cell gets the
/// kernel's outputs for the failure and <see cref="NotebookRunResult.Failure"/> names the cell, the line and the error.
/// </para>
/// </summary>
public static class NotebookRunner
{
    // Cells change the process's current directory, and the formatters are process-wide: one notebook at a time.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <param name="progress">Called before each code cell with its 1-based position among all cells.</param>
    public static async Task<NotebookRunResult> RunAsync(string path, Action<int>? progress = null, CancellationToken cancellation = default)
    {
        var fullPath = Path.GetFullPath(path);
        var document = NotebookDocument.Read(fullPath);
        await Gate.WaitAsync(cancellation);
        var savedDirectory = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(fullPath)!;
            Formatter.ResetToDefault();
            using var kernel = CreateKernel();
            return await RunCellsAsync(kernel, fullPath, document, progress, cancellation);
        }
        finally
        {
            Environment.CurrentDirectory = savedDirectory;
            Gate.Release();
        }
    }

    /// <summary>The C# kernel as the dotnet-interactive tool sets it up for a notebook.</summary>
    internal static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return KernelExtensionLoader.LoadAsync(kernel, packages);
            })
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        return composite;
    }

    private static async Task<NotebookRunResult> RunCellsAsync(CompositeKernel kernel, string path, InteractiveDocument document,
        Action<int>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var cells = document.Elements;
        var code = cells.Where(IsCode).ToArray();
        // nbconvert clears every code cell's outputs first, so cells after a failure show nothing stale.
        foreach (var cell in code)
        {
            cell.Outputs.Clear();
            cell.ExecutionOrder = 0;
        }

        var executionCount = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (!IsCode(cell) || string.IsNullOrWhiteSpace(cell.Contents)) continue;
            cancellation.ThrowIfCancellationRequested();
            progress?.Invoke(i + 1);
            cell.ExecutionOrder = ++executionCount;
            var result = await kernel.SendAsync(new SubmitCode(cell.Contents, cell.KernelName), cancellation);
            var failure = CellOutputs.Fill(cell, result.Events, executionCount);
            if (failure is not null)
                return new NotebookRunResult(path, document, executionCount, clock.Elapsed,
                    new CellFailure(path, i + 1, cell.Id ?? "", failure.Line, failure.ErrorName, failure.Message));
        }
        return new NotebookRunResult(path, document, executionCount, clock.Elapsed, null);
    }

    private static bool IsCode(InteractiveDocumentElement cell) => cell.KernelName is not ("markdown" or "md");
}
