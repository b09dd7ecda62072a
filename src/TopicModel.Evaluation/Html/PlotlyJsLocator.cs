namespace TopicModel.Evaluation.Html;

/// <summary>
/// Finds the npm package plotly.js-dist-min (installed by .ci/install.sh into the repository's node_modules)
/// by walking up from the application's base directory and from the current directory.
/// </summary>
public static class PlotlyJsLocator
{
    public static string RelativePath { get; } = Path.Combine("node_modules", "plotly.js-dist-min", "plotly.min.js");

    /// <summary>The local plotly.js above the app or the current directory, else the CDN fallback.</summary>
    public static PlotlyJsSource Locate() => Locate([AppContext.BaseDirectory, Directory.GetCurrentDirectory()]);

    /// <summary>The first plotly.min.js found walking up from each start directory in turn, else the CDN fallback.</summary>
    public static PlotlyJsSource Locate(IReadOnlyList<string> startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate)) return PlotlyJsSource.Inline(candidate);
            }
        }
        return PlotlyJsSource.Cdn(
            $"no {RelativePath.Replace('\\', '/')} was found above {string.Join(" or ", startDirectories.Select(Path.GetFullPath))}");
    }
}
