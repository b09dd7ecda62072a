using TopicModel.ML;

namespace TopicModel.Training.Scoring;

/// <summary>
/// The input list of <c>score</c> as files in a fixed order: a directory stands for its .jsonl, .ndjson, .csv and .txt
/// files, a name with * or ? for the files it matches (for schedulers that pass the pattern unexpanded), each sorted
/// by ordinal name; anything else, and "-" (standard input), as given. The same arguments give the same list on every
/// machine, which <see cref="ShardPlan"/> relies on.
/// </summary>
public static class ScoringInputs
{
    private static readonly string[] Extensions = [".jsonl", ".ndjson", ".csv", ".txt"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (argument != "-" && Directory.Exists(argument))
            {
                var found = Directory.EnumerateFiles(argument)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal).ToArray();
                if (found.Length == 0)
                    throw new TopicModelException($"the directory has no inputs ({string.Join(", ", Extensions)})", argument);
                files.AddRange(found);
            }
            else if (Path.GetFileName(argument).IndexOfAny(['*', '?']) >= 0)
            {
                var directory = Path.GetDirectoryName(argument) is { Length: > 0 } d ? d : ".";
                var found = Directory.Exists(directory)
                    ? Directory.EnumerateFiles(directory, Path.GetFileName(argument)).Order(StringComparer.Ordinal).ToArray()
                    : [];
                if (found.Length == 0) throw new TopicModelException("no file matches the pattern", argument);
                files.AddRange(found);
            }
            else
            {
                files.Add(argument);
            }
        }
        return files;
    }
}
