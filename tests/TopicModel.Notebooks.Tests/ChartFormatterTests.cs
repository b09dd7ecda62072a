using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.FSharp.Collections;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using TopicModel.Interactive;
using TopicModel.TestSupport;
using Chart = Plotly.NET.CSharp.Chart;

namespace TopicModel.Notebooks.Tests;

/// <summary>
/// The kernel extension TopicModel.DataFrames carries: a chart as notebook HTML that draws with no network, plotly.js
/// once per kernel (notebook).
/// </summary>
public sealed class ChartFormatterTests
{
    private static GenericChart Columns(params double[] values) =>
        Chart.Column<double, string, string>(values, values.Select((_, i) => $"topic-{i}").ToArray());

    private static async Task<string[]> FormatInNewKernel(params GenericChart[] charts)
    {
        Formatter.ResetToDefault();
        try
        {
            using var kernel = new CSharpKernel();
            await new TopicModelKernelExtension().OnLoadAsync(kernel);
            return charts.Select(c => c.ToDisplayString(HtmlFormatter.MimeType)).ToArray();
        }
        finally
        {
            Formatter.ResetToDefault();
        }
    }

    [Fact]
    public async Task The_first_chart_of_each_kernel_carries_plotly_js_and_later_ones_only_their_figure()
    {
        var first = await FormatInNewKernel(Columns(0.25, 0.5), Columns(0.75, 1));
        var again = await FormatInNewKernel(Columns(0.125));

        Assert.Contains("plotly.js v2.28.0", first[0]);
        Assert.DoesNotContain("plotly.js v2.28.0", first[1]);
        Assert.Contains("plotly.js v2.28.0", again[0]);  // a new kernel is a new notebook
        Assert.True(first[0].Length > 3_000_000, $"{first[0].Length} characters");
        Assert.True(first[1].Length < 10_000, $"{first[1].Length} characters");
        Assert.Contains("\"y\":[0.75,1.0]", first[1]);
        Assert.Contains("\"x\":[\"topic-0\",\"topic-1\"]", first[1]);
        Assert.Contains(ChartHtml.Marker, first[1]);
        Assert.Contains("var config = {\"responsive\":true};", first[1]);  // the chart's own config, as Plotly.NET writes it
    }

    [BrowserFact]
    public async Task Chart_outputs_draw_offline_in_chromium_even_on_a_page_with_an_AMD_loader_like_Jupyters_RequireJS()
    {
        var outputs = await FormatInNewKernel(Columns(0.25, 0.5, 0.125), Columns(0.75, 1));
        var folder = Directory.CreateTempSubdirectory("topicmodel-chart-outputs-");
        try
        {
            // The outputs in order as a front end shows them, after an AMD loader: plotly.js must still set
            // window.Plotly (an anonymous define() outside require() is an error in RequireJS).
            var page = Path.Combine(folder.FullName, "outputs.html");
            File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>window.amdCalls = 0;" +
                "window.define = function () { window.amdCalls++; throw new Error('Mismatched anonymous define()'); }; window.define.amd = {};</script></head><body>\n" +
                string.Join("\n<hr>\n", outputs) +
                "\n<script>document.body.setAttribute('data-amd-calls', String(window.amdCalls));</script></body></html>");

            var dom = HeadlessChromium.DumpDom(page);

            Assert.Equal(2, Regex.Count(dom, "class=\"plot-container plotly\""));
            Assert.Contains("data-amd-calls=\"0\"", dom);
            Assert.Equal(3 + 2, Regex.Count(dom, "class=\"point\""));  // every bar drawn
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_request_for_a_newer_FSharp_Core_gets_the_loaded_one_and_other_requests_are_left_alone()
    {
        var loaded = typeof(FSharpList<int>).Assembly;
        var assemblies = new[] { typeof(object).Assembly, loaded };

        Assert.Same(loaded, FSharpCoreBinding.Resolve(new AssemblyName("FSharp.Core, Version=10.1.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"), assemblies));
        Assert.Null(FSharpCoreBinding.Resolve(new AssemblyName("Plotly.NET, Version=6.0.0.0"), assemblies));
        Assert.Null(FSharpCoreBinding.Resolve(new AssemblyName("FSharp.Core, Version=10.1.0.0"), [typeof(object).Assembly]));
    }
}
