using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TopicModel.Cli;

namespace TopicModel.Notebooks.Tests;

public class NotebookRunnerTests
{
    private static JsonArray Cells(NotebookRunResult r) => r.Notebook["cells"]!.AsArray();

    private static string Text(JsonNode? output, string mime) => NotebookFile.Source(new JsonObject { ["source"] = output!["data"]![mime]!.DeepClone() });

    [Fact]
    public void Code_cells_share_one_script_state_and_get_execution_counts_in_order()
    {
        using var nb = new TestNotebook(("markdown", "# Title"), ("code", "var x = 20;"), ("markdown", "text"), ("code", "display(x + 22);"), ("code", "x * 2"));
        var result = nb.Run();

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var cells = Cells(result);
        Assert.Equal(1, cells[1]!["execution_count"]!.GetValue<int>());
        Assert.Equal(2, cells[3]!["execution_count"]!.GetValue<int>());
        Assert.Equal(3, cells[4]!["execution_count"]!.GetValue<int>());
        Assert.Empty(cells[1]!["outputs"]!.AsArray());
        Assert.Equal("42", Text(cells[3]!["outputs"]![0], "text/plain"));
        var result3 = cells[4]!["outputs"]![0]!;
        Assert.Equal("execute_result", result3["output_type"]!.GetValue<string>());
        Assert.Equal("40", Text(result3, "text/plain"));
    }

    [Fact]
    public void Markdown_cells_are_written_back_untouched()
    {
        using var nb = new TestNotebook(("markdown", "# Title\n\nSome *text*."), ("code", "display(1);"));
        var before = JsonNode.Parse(File.ReadAllText(nb.Path))!["cells"]![0]!.ToJsonString();

        var after = Cells(nb.Run())[0]!.ToJsonString();

        Assert.Equal(before, after);
    }

    [Fact]
    public void Display_writes_html_for_html_content_strings_tables_and_figures_and_text_otherwise()
    {
        using var nb = new TestNotebook(("code", """
            using TopicModel.Notebooks;
            display(HTML("<b>bold</b>"));
            display("<i>markup</i>");
            display("plain words");
            display(HTML(NotebookHtml.Table(new[] { new { Name = "a", Score = 0.5 }, new { Name = "b<c", Score = 0.25 } })));
            display(TopicModel.Evaluation.Charts.ReportCharts.ConfusionHeatmap(new[] { "x", "y" }, new long[,] { { 1, 0 }, { 2, 3 } }));
            """));
        var result = nb.Run();

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var outputs = Cells(result)[0]!["outputs"]!.AsArray();
        Assert.All(outputs, o => Assert.Equal("display_data", o!["output_type"]!.GetValue<string>()));
        Assert.Equal("<b>bold</b>", Text(outputs[0], "text/html"));
        Assert.Equal("<i>markup</i>", Text(outputs[1], "text/html"));
        Assert.Equal("plain words", Text(outputs[2], "text/plain"));
        var table = Text(outputs[3], "text/html");
        Assert.Contains("<th>Name</th><th>Score</th>", table);
        Assert.Contains("<td>b&lt;c</td><td>0.25</td>", table);
        var plot = Text(outputs[4], "text/html");
        Assert.Contains("<div id=\"plot-", plot);
        Assert.Contains("\"type\":\"heatmap\"", plot);
        Assert.Contains("Plotly.newPlot", plot);
    }

    [Fact]
    public void A_failing_cell_stops_the_run_with_cell_line_and_message()
    {
        using var nb = new TestNotebook(("markdown", "intro"), ("code", "var a = 1;"), ("code", "var b = 2;\nvar c = 3;\nthrow new InvalidOperationException(\"the data is gone\");"), ("code", "display(\"never\");"));
        var result = nb.Run();

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(3, failure.Cell);
        Assert.Equal(3, failure.Line);
        Assert.Equal("InvalidOperationException", failure.ErrorName);
        Assert.Contains("the data is gone", failure.Message);
        var cells = Cells(result);
        var error = cells[2]!["outputs"]!.AsArray().Single();
        Assert.Equal("error", error!["output_type"]!.GetValue<string>());
        Assert.Null(cells[3]!["execution_count"]);
        Assert.Empty(cells[3]!["outputs"]!.AsArray());
    }

    [Fact]
    public void A_compile_error_names_its_line()
    {
        using var nb = new TestNotebook(("code", "#!csharp\nvar ok = 1;\nvar broken = undefinedThing + 1;"));
        var failure = nb.Run().Failure!;

        Assert.Equal(1, failure.Cell);
        Assert.Equal(3, failure.Line);
        Assert.Equal("CompilationError", failure.ErrorName);
        Assert.Contains("undefinedThing", failure.Message);
    }

    [Fact]
    public async Task The_cli_verb_exits_non_zero_and_prints_the_cell_and_line()
    {
        using var nb = new TestNotebook(("code", "display(1);"), ("code", "\nint.Parse(\"not a number\");"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var output = Path.Combine(nb.Folder, "out.ipynb");

        var code = await CliApp.RunAsync(["notebook", "run", nb.Path, "-o", output], stdout, stderr);

        Assert.Equal(ExitCodes.NotebookFailed, code);
        Assert.Contains("cell 2, line 2: FormatException", stderr.ToString());
        Assert.True(File.Exists(output));
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "'#!fsharp' is not supported")]
    [InlineData("#!time\nvar x = 1;", "'#!time' is not supported")]
    [InlineData("#r \"nuget: Newtonsoft.Json\"", "NuGet references are not supported")]
    public void Unsupported_magics_and_directives_fail_with_a_clear_message(string source, string expected)
    {
        using var nb = new TestNotebook(("code", "var before = 1;"), ("code", source));
        var failure = nb.Run().Failure!;

        Assert.Equal(2, failure.Cell);
        Assert.Equal(1, failure.Line);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void Hash_r_paths_resolve_relative_to_the_notebook()
    {
        using var nb = new TestNotebook(("code", "// a library beside the notebook\n#r \"lib/Greeter.dll\""), ("code", "display(Greeter.Hello(\"notebook\"));"));
        var lib = Directory.CreateDirectory(Path.Combine(nb.Folder, "lib")).FullName;
        var compilation = CSharpCompilation.Create("Greeter",
            [CSharpSyntaxTree.ParseText("public static class Greeter { public static string Hello(string who) => \"hello \" + who; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(Path.Combine(lib, "Greeter.dll"));
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var result = nb.Run();

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("hello notebook", Text(Cells(result)[1]!["outputs"]![0], "text/plain"));
    }

    [Fact]
    public void A_missing_hash_r_file_names_the_resolved_path()
    {
        using var nb = new TestNotebook(("code", "var x = 1;\n#r \"../nowhere/Missing.dll\""));
        var failure = nb.Run().Failure!;

        Assert.Equal(2, failure.Line);
        Assert.Equal("ReferenceNotFound", failure.ErrorName);
        Assert.Contains(Path.GetFullPath(Path.Combine(nb.Folder, "../nowhere/Missing.dll")), failure.Message);
    }

    [Fact]
    public void Cells_run_in_the_notebook_folder_and_console_output_becomes_a_stream()
    {
        using var nb = new TestNotebook(("code", "Console.WriteLine(Directory.GetCurrentDirectory());"));
        var result = nb.Run();

        var stream = Cells(result)[0]!["outputs"]![0]!;
        Assert.Equal("stream", stream["output_type"]!.GetValue<string>());
        Assert.Equal(Path.GetFullPath(nb.Folder) + "\n", NotebookFile.Source(new JsonObject { ["source"] = stream["text"]!.DeepClone() }));
    }
}
