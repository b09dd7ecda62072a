using TopicModel.Evaluation.Html;

namespace TopicModel.Evaluation.Tests.Plotly;

/// <summary>
/// A fact that needs headless Chromium and the local plotly.js (both installed by .ci/install.sh);
/// xunit reports it as skipped, not passed, where either is missing.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
            Skip = "chromium is not installed (run .ci/install.sh)";
        else if (!PlotlyJsLocator.Locate().IsInline)
            Skip = "node_modules/plotly.js-dist-min is not installed (run .ci/install.sh)";
    }
}
