using Xunit;
namespace TopicModel.TestSupport;

/// <summary>
/// A fact that needs headless Chromium (installed by .ci/install.sh); xunit reports it as skipped, not passed,
/// where it is missing.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
            Skip = "chromium is not installed (run .ci/install.sh)";
    }
}
