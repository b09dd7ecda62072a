namespace TopicModel.Evaluation.Html;

/// <summary>
/// Where a report gets plotly.js from: a local <c>plotly.min.js</c> inlined into the page (works offline),
/// or, when no local copy was found, a CDN <c>&lt;script src&gt;</c> (needs internet when the page is opened).
/// <see cref="Description"/> says which, for the caller to log.
/// </summary>
public sealed record PlotlyJsSource
{
    /// <summary>The plotly.js-dist-min version .ci/install.sh installs and the CDN fallback loads.</summary>
    public const string PinnedVersion = "4.1.2";

    public static string CdnUrl => $"https://cdn.jsdelivr.net/npm/plotly.js-dist-min@{PinnedVersion}/plotly.min.js";

    private PlotlyJsSource(string? localPath, string description)
    {
        LocalPath = localPath;
        Description = description;
    }

    /// <summary>Full path of the inlined plotly.min.js; null when the page loads plotly from the CDN.</summary>
    public string? LocalPath { get; }

    public bool IsInline => LocalPath is not null;

    /// <summary>One line for logs and for the page itself.</summary>
    public string Description { get; }

    public static PlotlyJsSource Inline(string plotlyMinJsPath)
    {
        var full = Path.GetFullPath(plotlyMinJsPath);
        return new PlotlyJsSource(full, $"plotly.js inlined from {full}; the report works offline");
    }

    /// <param name="reason">Why no local copy is used, e.g. where the locator looked.</param>
    public static PlotlyJsSource Cdn(string reason) => new(
        null,
        $"plotly.js is loaded from {CdnUrl} because {reason}; charts need internet access when the report is opened " +
        "(run .ci/install.sh to get a local copy and an offline report)");
}
