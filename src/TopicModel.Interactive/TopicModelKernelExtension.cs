using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace TopicModel.Interactive;

/// <summary>
/// The kernel extension <c>#r "nuget: TopicModel.DataFrames"</c> loads (it ships in that package's
/// <c>interactive-extensions/dotnet/</c>): binds Plotly.NET's FSharp.Core to the kernel's, and shows a Plotly.NET chart
/// as HTML that carries plotly.js, so an executed notebook draws its charts offline (in place of
/// Plotly.NET.Interactive's formatter, which loads plotly.js from a CDN).
/// </summary>
public sealed class TopicModelKernelExtension : IKernelExtension
{
    public Task OnLoadAsync(Kernel kernel)
    {
        // Before anything touches a Plotly.NET type: they ask for FSharp.Core 10.1.
        FSharpCoreBinding.Install();
        RegisterChartFormatter();
        return Task.CompletedTask;
    }

    private static void RegisterChartFormatter()
    {
        // One kernel is one notebook: its first chart carries plotly.js, later ones use it (new state on each load).
        var plotlyJsSent = 0;
        Formatter.Register<GenericChart>((chart, writer) =>
            writer.Write(ChartHtml.Render(chart, Guid.NewGuid().ToString("N"), withPlotlyJs: Interlocked.Exchange(ref plotlyJsSent, 1) == 0)),
            HtmlFormatter.MimeType);
    }
}
