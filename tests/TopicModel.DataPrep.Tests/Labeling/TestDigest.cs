using TopicModel.DataPrep.Papers;

namespace TopicModel.DataPrep.Tests.Labeling;

/// <summary>
/// Just enough digest parsing for the labeling tests: the non-blank lines after the page header are
/// title/abstract pairs. Stands in for the real digest reader, written in parallel.
/// </summary>
internal static class TestDigest
{
    public static IReadOnlyList<Paper> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var dateLine = lines.FindIndex(l => l.Trim() == "Mar 14");
        if (dateLine >= 0)
        {
            lines = lines[(dateLine + 1)..];
        }
        else
        {
            // The training digest's header ends with "Subscribe" glued to the first title.
            lines = lines.SkipWhile(l => l.StartsWith("Get trending papers", StringComparison.Ordinal)).ToList();
            lines[0] = lines[0].StartsWith("Subscribe", StringComparison.Ordinal) ? lines[0]["Subscribe".Length..] : lines[0];
        }
        if (lines.Count % 2 != 0)
            throw new InvalidDataException($"{path}: odd number of title/abstract lines");
        var digest = Path.GetFileNameWithoutExtension(path);
        return Enumerable.Range(0, lines.Count / 2)
            .Select(i => new Paper(PaperId.FromTitle(lines[2 * i]), lines[2 * i].Trim(), lines[2 * i + 1].Trim(), digest, null, null, 2 * i + 1))
            .ToArray();
    }
}
