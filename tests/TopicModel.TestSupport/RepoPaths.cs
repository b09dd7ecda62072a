namespace TopicModel.TestSupport;

/// <summary>Locates the repository's shipped data so tests run on the real files from any working directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");
    public static string Digests => Path.Combine(Data, "digests");
    public static string TrainingDigest => Path.Combine(Digests, "000_97cca7786c7f0218.txt");
    public static string HeldOutDigest => Path.Combine(Digests, "001_a7ac521b53603ff9.txt");
    public static string Taxonomy => Path.Combine(Data, "taxonomy.json");
    public static string Labels => Path.Combine(Data, "labels");
    public static string Recipe => Path.Combine(Root, "train.json");

    /// <summary>
    /// The shipped recipe's forward test files (<c>data.forward</c>) and their paper count, one record per non-empty
    /// line: counted from the files, not by our parser, so a test comparing the two catches a paper that goes missing.
    /// </summary>
    public static IReadOnlyList<string> ForwardTestFiles { get; } = ReadForwardTestFiles();

    public static int ForwardTestPapers => ForwardTestFiles.Sum(f => File.ReadLines(f).Count(line => line.Trim().Length > 0));

    /// <summary>The optional external corpus beside the checkout; null when absent (tests must not need it).</summary>
    public static string? SharedCorpus
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    private static string[] ReadForwardTestFiles()
    {
        using var recipe = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Recipe));
        return recipe.RootElement.GetProperty("data").GetProperty("forward").EnumerateArray()
            .Select(f => Path.GetFullPath(Path.Combine(Root, f.GetString()!)))
            .ToArray();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TopicModel.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"TopicModel.sln not found above {AppContext.BaseDirectory}");
    }
}
