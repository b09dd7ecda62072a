using System.Text.Json.Nodes;
using TopicModel.Cli;

namespace TopicModel.Notebooks.Tests;

/// <summary>The runner hosts the real .NET Interactive C# kernel: its rules, its directives, its formatters.</summary>
public class NotebookRunnerTests
{
    private static JsonArray Cells(NotebookRunResult r) => TestNotebook.Written(r.Notebook)["cells"]!.AsArray();

    private static string Text(JsonNode? value) => value is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : value!.GetValue<string>();

    private static string Data(JsonNode? output, string mime) => Text(output!["data"]![mime]);

    [Fact]
    public void A_cell_using_Path_without_using_System_IO_fails_with_the_cell_and_the_compiler_error()
    {
        // The kernel's default usings do not include System.IO; a runner that adds it would pass what users see fail.
        using var nb = new TestNotebook(("markdown", "# Paths"), ("code", "var x = 1;"), ("code", "var root = Path.GetFullPath(\"..\");"), ("code", "x"));

        var result = nb.Run();

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(3, failure.Cell);
        Assert.Equal(1, failure.Line);
        Assert.Equal("CompilationError", failure.ErrorName);
        Assert.Contains("CS0103", failure.Message);
        Assert.Contains("'Path'", failure.Message);
        Assert.Equal(2, result.CodeCellsRun);
        var cells = Cells(result);
        var outputs = cells[2]!["outputs"]!.AsArray();
        Assert.Equal("stderr", outputs[0]!["name"]!.GetValue<string>());
        Assert.Contains("error CS0103: The name 'Path' does not exist in the current context", Text(outputs[0]!["text"]));
        Assert.Equal("error", outputs[1]!["output_type"]!.GetValue<string>());
        Assert.Equal("compilation error", outputs[1]!["evalue"]!.GetValue<string>());
        Assert.Empty(cells[3]!["outputs"]!.AsArray());
        Assert.Null(cells[3]!["execution_count"]);
    }

    [Fact]
    public void The_same_cell_with_using_System_IO_runs()
    {
        using var nb = new TestNotebook(("code", "using System.IO;\nvar root = Path.GetFullPath(\"..\");\nroot"));

        var result = nb.Run();

        Assert.True(result.Succeeded, result.Failure?.ToString());
        // Cells run in the notebook's folder, as in Jupyter and VS Code.
        Assert.Equal(Path.GetDirectoryName(nb.Folder), Data(Cells(result)[0]!["outputs"]![0], "text/plain"));
    }

    [Fact]
    public void Cells_share_the_kernel_state_get_execution_counts_in_order_and_carry_ids()
    {
        using var nb = new TestNotebook(("markdown", "# Title"), ("code", "var x = 20;"), ("markdown", "text"),
            ("code", "Console.WriteLine(\"twenty\"); display(x + 22);"), ("code", "x * 2"));

        var result = nb.Run();

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var written = TestNotebook.Written(result.Notebook);
        Assert.Equal(5, written["nbformat_minor"]!.GetValue<int>());
        var cells = written["cells"]!.AsArray();
        Assert.Equal([1, 2, 3], new[] { 1, 3, 4 }.Select(i => cells[i]!["execution_count"]!.GetValue<int>()));
        Assert.Empty(cells[1]!["outputs"]!.AsArray());
        var displayed = cells[3]!["outputs"]!.AsArray();
        Assert.Contains(displayed, o => o!["output_type"]!.GetValue<string>() == "stream" && Text(o["text"]) == "twenty\n");
        Assert.Contains(displayed, o => o!["output_type"]!.GetValue<string>() == "display_data" && Data(o, "text/html").Contains("<pre>42</pre>"));
        var last = cells[4]!["outputs"]![0]!;
        Assert.Equal("execute_result", last["output_type"]!.GetValue<string>());
        // The kernel's formatter: a number is HTML, as in VS Code and Jupyter.
        Assert.Contains("<pre>40</pre>", Data(last, "text/html"));
        var ids = cells.Select(c => c!["id"]!.GetValue<string>()).ToArray();
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", id));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        // The same notebook run again gets the same ids.
        Assert.Equal(ids, Cells(nb.Run()).Select(c => c!["id"]!.GetValue<string>()));
    }

    [Fact]
    public void An_exception_stops_the_run_at_its_cell()
    {
        using var nb = new TestNotebook(("code", "1"), ("code", "throw new InvalidOperationException(\"no model here\");"), ("code", "2"));

        var result = nb.Run();

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.Cell);
        Assert.Equal("InvalidOperationException", failure.ErrorName);
        Assert.Equal("no model here", failure.Message);
        Assert.Contains("no model here", Cells(result)[1]!["outputs"]!.AsArray().Single()!["evalue"]!.GetValue<string>());
    }

    [Fact]
    public void A_cell_for_a_kernel_the_notebook_does_not_have_fails()
    {
        using var nb = new TestNotebook(("code", "#!fsharp\nlet x = 1"));

        var result = nb.Run();

        Assert.NotNull(result.Failure);
        Assert.Equal(1, result.Failure.Cell);
    }

    [Fact]
    public void DataFrames_and_PlotlyNET_charts_render_as_html_through_the_packages_kernel_extensions()
    {
        using var nb = new TestNotebook(
            ("code", "#r \"nuget: Microsoft.Data.Analysis, 0.24.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\""),
            ("code", FSharpCoreBinding),
            ("code", "using Microsoft.Data.Analysis;\nnew DataFrame(new StringDataFrameColumn(\"Topic\", new[] { \"agents\", \"vision\" }), new DoubleDataFrameColumn(\"F1\", new[] { 0.5, 0.75 }))"),
            ("code", "Plotly.NET.CSharp.Chart.Column<double, string, string>(new[] { 0.5, 0.75 }, new[] { \"agents\", \"vision\" })"));

        var result = nb.Run();

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var cells = Cells(result);
        var table = Data(cells[2]!["outputs"]![0], "text/html");
        Assert.Contains("<th>Topic</th><th>F1</th>", table);
        Assert.Contains("<td>vision</td>", table);
        var chart = Data(cells[3]!["outputs"]![0], "text/html");
        Assert.Contains("\"type\":\"bar\"", chart);
        Assert.Contains("\"x\":[\"agents\",\"vision\"]", chart);
    }

    /// <summary>The notebooks' first cell: Plotly.NET 6 is built against FSharp.Core 10.1 and the kernel ships 10.0.</summary>
    internal const string FSharpCoreBinding = """
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) => name.Name == "FSharp.Core"
            ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core") : null;
        """;

    [Fact]
    public async Task The_notebook_verb_exits_3_naming_the_cell_and_the_compiler_error_and_writes_the_partly_run_notebook()
    {
        using var nb = new TestNotebook(("code", "var p = Path.Combine(\"a\", \"b\");"));
        var target = Path.Combine(nb.Folder, "out.ipynb");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["notebook", "run", nb.Path, "-o", target], stdout, stderr);

        Assert.Equal(ExitCodes.NotebookFailed, code);
        Assert.Contains("cell 1", stderr.ToString());
        Assert.Contains("line 1: CompilationError: CS0103: The name 'Path' does not exist in the current context", stderr.ToString());
        Assert.True(File.Exists(target));
    }
}
