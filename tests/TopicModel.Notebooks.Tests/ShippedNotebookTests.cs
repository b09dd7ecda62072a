using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TopicModel.Cli;
using TopicModel.TestSupport;

namespace TopicModel.Notebooks.Tests;

/// <summary>
/// Runs the notebooks in notebooks/ headless on the shipped data and checks their outputs hold the tables and charts
/// they are for. Their #r lines name the Release build of the Cli; here they bind to the copies this test was built
/// with (the runner prefers the host's own assemblies), so the test needs no second build.
/// </summary>
public partial class ShippedNotebookTests
{
    private static string Notebook(string name) => Path.Combine(RepoPaths.Root, "notebooks", name);

    private static string AllOutputs(JsonObject notebook, int cell) =>
        string.Concat((notebook["cells"]![cell - 1]!["outputs"]?.AsArray() ?? [])
            .SelectMany(o => o!["data"]?.AsObject().Select(d => NotebookFile.Source(new JsonObject { ["source"] = d.Value!.DeepClone() })) ?? []));

    private static string AllOutputs(JsonObject notebook) =>
        string.Concat(Enumerable.Range(1, notebook["cells"]!.AsArray().Count).Select(i => AllOutputs(notebook, i)));

    private static JsonObject RunOk(string name)
    {
        var result = NotebookRunner.RunAsync(Notebook(name)).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, result.Failure?.ToString());
        return result.Notebook;
    }

    [Fact]
    public async Task Digests_and_labels_shows_papers_the_rule_analysis_distributions_and_disagreements()
    {
        // Through the CLI verb, as CI and users run it.
        var outDir = Directory.CreateTempSubdirectory("notebooks").FullName;
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await CliApp.RunAsync(["notebook", "run", Notebook("01-digests-and-labels.ipynb"), "--out", outDir], stdout, stderr);
            Assert.True(code == ExitCodes.Ok, stderr.ToString());
            var executed = NotebookFile.Read(Path.Combine(outDir, "01-digests-and-labels.ipynb"));
            var html = AllOutputs(executed);
            Assert.Contains("<th>Digest</th><th>Split</th><th>Papers</th>", html);
            Assert.Contains("000_97cca7786c7f0218", html);
            Assert.Contains("<th>Function</th><th>Votes</th><th>Coverage</th>", html);
            Assert.Contains("\"type\":\"bar\"", html);
            Assert.Contains("\"type\":\"heatmap\"", html);
            Assert.Contains("<th>Title</th><th>Digest</th><th>Reviewed</th><th>Weak</th>", html);
            Assert.Matches(@"the rules agree on \d+", html);
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void Train_and_evaluate_shows_the_leaderboard_metrics_heatmap_and_explained_errors()
    {
        var html = AllOutputs(RunOk("02-train-and-evaluate.ipynb"));

        Assert.Contains("<th>Rank</th><th>Trial</th><th>Trainer</th><th>Score</th>", html);
        Assert.Equal(4, LeaderboardRows().Matches(html).Count);
        Assert.Contains("<td>MacroF1</td>", html);
        Assert.Contains("<th>Topic</th><th>Papers</th><th>ModelF1</th><th>RulesF1</th><th>Difference</th>", html);
        Assert.Contains("<th>Digest</th><th>Papers</th><th>ModelAccuracy</th><th>RulesAccuracy</th>", html);
        Assert.Contains("<td>hf-daily-papers-2025</td><td>960</td>", html);
        Assert.Contains("<div id=\"plot-", html);
        Assert.Contains("\"type\":\"heatmap\"", html);
        Assert.Contains("<th>TrueTopic</th><th>PredictedTopic</th>", html);
        Assert.Contains("<th>Topic</th><th>Term</th><th>Contribution</th>", html);
        Assert.False(File.Exists(Path.Combine(RepoPaths.Root, "models", "notebook.zip")), "the notebook must not write to models/");
    }

    [Fact]
    public void Topics_shows_topic_terms_seeded_topics_and_shares_per_digest()
    {
        var html = AllOutputs(RunOk("03-topics.ipynb"));

        Assert.Contains("<th>Topic</th><th>Taxonomy</th><th>Size</th><th>Share</th><th>TopTerms</th>", html);
        Assert.Contains("<th>Taxonomy</th><th>Name</th><th>Keywords</th><th>LdaTopTerms</th>", html);
        Assert.Contains("unlearning-privacy", html);
        Assert.Contains("Topic share per digest", html);
        Assert.Contains("\"orientation\":\"h\"", html);
        Assert.Contains("<th>Model</th><th>NPMI</th><th>UMass</th>", html);
        Assert.Contains("<td>word promotion 0.05</td>", html);
        Assert.Contains("<th>Rank</th><th>PlainTopTerms</th><th>PromotedTopTerms</th>", html);
    }

    [Fact]
    public void Notebooks_are_polyglot_csharp_notebooks_that_reference_the_documented_build_output()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "notebooks"), "*.ipynb").Where(f => !f.EndsWith(".nbconvert.ipynb")).Order().ToArray();
        Assert.Equal(["01-digests-and-labels.ipynb", "02-train-and-evaluate.ipynb", "03-topics.ipynb"], files.Select(Path.GetFileName));
        foreach (var file in files)
        {
            var notebook = NotebookFile.Read(file);
            Assert.Equal(".net-csharp", notebook["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
            Assert.Equal("csharp", notebook["metadata"]!["language_info"]!["name"]!.GetValue<string>());
            Assert.Equal("csharp", notebook["metadata"]!["dotnet_interactive"]!["defaultKernelName"]!.GetValue<string>());
            var references = notebook["cells"]!.AsArray().Select(c => NotebookFile.Source(c!.AsObject()))
                .SelectMany(s => Reference().Matches(s)).Select(m => m.Groups[1].Value).ToArray();
            Assert.NotEmpty(references);
            foreach (var r in references)
            {
                Assert.StartsWith("../src/TopicModel.Cli/bin/Release/net10.0/", r);
                // Every assembly named is one the Cli's build output contains (this test's output has the same set).
                Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, Path.GetFileName(r))), $"{Path.GetFileName(file)}: {r} is not a Cli build output");
            }
        }
    }

    [GeneratedRegex("#r \"([^\"]+)\"")]
    private static partial Regex Reference();

    [GeneratedRegex(@"<tr><td>\d+</td><td>\d+</td><td>[A-Za-z]+</td>")]
    private static partial Regex LeaderboardRows();
}
