using System.Diagnostics;

namespace TopicModel.Evaluation.Tests.Plotly;

/// <summary>Runs the Debian chromium headless and offline against local files.</summary>
internal static class HeadlessChromium
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
