using Xunit;
using System.Diagnostics;

namespace TopicModel.TestSupport;

/// <summary>Runs the Debian chromium headless and offline against local files.</summary>
public static class HeadlessChromium
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>Full path of a Chromium/Chrome executable on PATH; null when there is none.</summary>
    public static string? Executable { get; } = Find();

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in Candidates)
        {
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The DOM after the page's scripts ran (virtual time lets promises and timers settle).</summary>
    public static string DumpDom(string htmlPath) => Run(htmlPath, "--dump-dom", "--virtual-time-budget=10000");

    public static void Screenshot(string htmlPath, string pngPath) =>
        Run(htmlPath, $"--screenshot={pngPath}", "--window-size=1280,2000", "--hide-scrollbars", "--virtual-time-budget=10000");

    /// <summary>
    /// Keeps the page and a screenshot of it in the test output (browser-report/&lt;name&gt;.html|png) for a
    /// person to look at, and checks the screenshot is a PNG with content: a blank 1280x2000 page
    /// compresses to a few kilobytes; charts and text make it far larger.
    /// </summary>
    public static void KeepWithScreenshot(string htmlPath, string name)
    {
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "browser-report")).FullName;
        File.Copy(htmlPath, Path.Combine(artifacts, name + ".html"), overwrite: true);
        var screenshot = Path.Combine(artifacts, name + ".png");
        File.Delete(screenshot);
        Screenshot(htmlPath, screenshot);
        var png = File.ReadAllBytes(screenshot);
        Assert.True(png.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), "screenshot is not a PNG");
        Assert.True(png.Length > 60_000, $"screenshot is only {png.Length} bytes: {screenshot}");
    }

    /// <summary>The markup of one figure element of the rendered page, from its div to the figure's end.</summary>
    public static string FigureMarkup(string dom, string id)
    {
        var start = dom.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"figure div {id} is missing from the page");
        return dom[start..dom.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    private static string Run(string htmlPath, params string[] action)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        try
        {
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("chromium is not installed"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                // Offline: any host lookup fails, so a page that needs the network cannot pass.
                "--host-resolver-rules=MAP * ~NOTFOUND",
                $"--user-data-dir={profile.FullName}",
            }.Concat(action))
            {
                start.ArgumentList.Add(argument);
            }
            start.ArgumentList.Add(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within 90 s on {htmlPath}");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
