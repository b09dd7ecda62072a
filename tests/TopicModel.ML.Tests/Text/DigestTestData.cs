using TopicModel.TestSupport;

namespace TopicModel.ML.Tests.Text;

/// <summary>
/// Title/abstract pairs of the held-out seed digest, read the simple way: after the "Mar 14" header
/// line, non-blank lines alternate title and abstract. The real reader lives in DataPrep.
/// </summary>
internal static class DigestTestData
{
    private static readonly Lazy<string[][]> HeldOut = new(() => Read(RepoPaths.HeldOutDigest));

    public static string[][] HeldOutPapers => HeldOut.Value;

    private static string[][] Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Array.FindIndex(lines, line => line.Trim() == "Mar 14");
        Assert.True(header >= 0, $"no 'Mar 14' header in {path}");
        var body = lines.Skip(header + 1).Where(line => !string.IsNullOrWhiteSpace(line)).ToArray();
        Assert.True(body.Length % 2 == 0, $"odd number of title/abstract lines in {path}");
        return body.Chunk(2).Select(pair => new[] { pair[0].Trim(), pair[1].Trim() }).ToArray();
    }
}
