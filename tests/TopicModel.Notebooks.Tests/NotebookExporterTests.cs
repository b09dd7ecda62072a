using TopicModel.ML;

namespace TopicModel.Notebooks.Tests;

public class NotebookExporterTests
{
    private static string Export(TestNotebook nb) =>
        NotebookExporter.Export(NotebookDocument.Read(nb.Path), nb.Path, Path.Combine(nb.Folder, "app", "test.cs"));

    [Fact]
    public void Cells_become_top_level_statements_in_order_with_packages_usings_on_top_and_trailing_expressions_displayed()
    {
        using var nb = new TestNotebook(
            ("markdown", "# Title"),
            ("code", "#r \"nuget: Microsoft.Data.Analysis, 0.24.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\""),
            ("code", "using System.IO;\nvar x = 20;\nint Twice(int v) => 2 * v;"),
            ("code", "display(x);\nTwice(x) + 2"));

        var app = Export(nb);

        Assert.Contains("#:package Microsoft.Data.Analysis@0.24.0\n", app);
        Assert.DoesNotContain("Plotly.NET.Interactive", app);   // a kernel extension: the app renders itself
        Assert.DoesNotContain("#r ", app);
        Assert.True(app.IndexOf("using System.IO;", StringComparison.Ordinal) < app.IndexOf("var x = 20;", StringComparison.Ordinal));
        Assert.True(app.IndexOf("var x = 20;", StringComparison.Ordinal) < app.IndexOf("display(x);", StringComparison.Ordinal));
        Assert.Contains("int Twice(int v) => 2 * v;", app);
        Assert.Contains("display(Twice(x) + 2);", app);
        // The notebook's folder, relative to the app, is the working directory.
        Assert.Contains("@\"..\"", app);
    }

    [Fact]
    public void A_cell_for_another_kernel_cannot_be_exported()
    {
        using var nb = new TestNotebook(("code", "#!fsharp\nlet x = 1"));

        var error = Assert.Throws<TopicModelException>(() => Export(nb));

        Assert.Contains("cell 1", error.Message);
    }
}
