using Microsoft.DotNet.Interactive.Documents;
using TopicModel.TestSupport;

namespace TopicModel.Notebooks.Tests;

/// <summary>
/// The shipped notebooks as the kernel reads them. Running them needs the packed library (notebooks/pack.sh), so CI
/// runs them in .ci/notebooks.sh, in-process and through Jupyter; these checks are what can be known without it.
/// </summary>
public class ShippedNotebookTests
{
    private static readonly string[] Names =
        ["01-digests-and-labels.ipynb", "02-train-and-evaluate.ipynb", "03-topics.ipynb", "04-score-and-explore.ipynb"];

    private static string[] Files() => Directory.GetFiles(Path.Combine(RepoPaths.Root, "notebooks"), "*.ipynb")
        .Where(f => !f.EndsWith(".nbconvert.ipynb", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_four_notebooks_are_csharp_notebooks_whose_cells_carry_ids()
    {
        Assert.Equal(Names, Files().Select(Path.GetFileName));
        foreach (var file in Files())
        {
            var document = NotebookDocument.Read(file);
            var raw = File.ReadAllText(file);
            Assert.Contains("\"name\": \".net-csharp\"", raw);
            // Ids are in the file itself, not only given by our reader.
            Assert.Equal(document.Elements.Count, System.Text.RegularExpressions.Regex.Matches(raw, "\"id\": \"[0-9a-f]{8}\"").Count);
            Assert.All(document.Elements.Where(e => e.KernelName != "markdown"), cell => Assert.Equal("csharp", cell.KernelName));
        }
    }

    [Fact]
    public void Notebooks_load_the_packed_library_and_chart_with_PlotlyNET_through_its_kernel_extension_not_with_our_retired_helpers()
    {
        foreach (var file in Files())
        {
            var code = string.Join("\n", NotebookDocument.Read(file).Elements.Where(e => e.KernelName == "csharp").Select(e => e.Contents));
            Assert.Contains("#r \"nuget: TopicModel.DataFrames, 0.1.0\"", code);
            // TopicModel.DataFrames' kernel extension shows the charts (offline) and binds FSharp.Core: Plotly.NET.Interactive's
            // formatter (plotly.js from a CDN) would replace ours, and no cell needs to bind FSharp.Core itself.
            Assert.DoesNotContain("Plotly.NET.Interactive", code);
            Assert.DoesNotContain("FSharp.Core", code);
            Assert.Contains("Chart.", code);
            Assert.DoesNotContain("bin/Release", code);
            Assert.DoesNotContain("TopicModel.Evaluation.Plotly", code);
            Assert.DoesNotContain("NotebookHtml", code);
            Assert.DoesNotContain("HTML(", code);
        }
    }

    [Fact]
    public void The_package_version_the_notebooks_name_is_the_one_the_build_packs()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        Assert.Contains("<Version>0.1.0</Version>", props);
    }
}
