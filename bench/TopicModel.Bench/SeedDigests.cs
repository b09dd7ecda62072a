namespace TopicModel.Bench;

/// <summary>
/// Title/abstract pairs of the shipped seed digests, read with the minimum of parsing benchmarks need:
/// header lines dropped, a glued "Subscribe" prefix cut, then non-blank lines alternate title and abstract.
/// </summary>
public static class SeedDigests
{
    private static readonly HashSet<string> HeaderLines = new(StringComparer.Ordinal)
    {
        "new", "Subscribe", "byAK and the research community", "Mar 14",
        "Get trending papers in your email inbox!", "Get trending papers in your email inbox once a day!",
    };

    public static string[][] Papers()
    {
        var root = FindRoot();
        return Directory.GetFiles(Path.Combine(root, "data", "digests"), "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(Read)
            .ToArray();
    }

    internal static IEnumerable<string[]> Read(string path)
    {
        var lines = File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !HeaderLines.Contains(line))
            .Select(line => line.StartsWith("Subscribe", StringComparison.Ordinal) ? line["Subscribe".Length..] : line)
            .ToArray();
        for (var i = 0; i + 1 < lines.Length; i += 2)
            yield return [lines[i], lines[i + 1]];
    }

    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TopicModel.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"TopicModel.sln not found above {AppContext.BaseDirectory}");
    }
}
