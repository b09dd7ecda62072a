using Microsoft.Extensions.FileSystemGlobbing;
using TopicModel.ML;

namespace TopicModel.DataPrep.Ingestion;

/// <summary>
/// Turns what a user lists as inputs into files: a file stays itself, a folder becomes every supported file
/// inside it (digests, JSONL, CSV; subfolders too; hidden files left out), a glob (<c>data/*.txt</c>,
/// <c>data/**/*.jsonl</c>, quoted so the shell leaves it alone) the supported files it matches; folder and glob contents in ordinal path order, so a run
/// reads the same files in the same order on every machine. "-" (standard input) passes through.
/// </summary>
public static class InputFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (input == PaperReader.StdinPath || File.Exists(input)) files.Add(input);
            else if (Directory.Exists(input)) files.AddRange(InFolder(input));
            else if (input.IndexOfAny(['*', '?']) >= 0) files.AddRange(Matching(input));
            else throw new TopicModelException("input file not found", input);
        }
        return files;
    }

    private static IEnumerable<string> InFolder(string folder)
    {
        var found = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsReadable)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (found.Count == 0)
            throw new TopicModelException("the folder holds no digests (.txt, .md), JSONL (.jsonl, .ndjson) or CSV (.csv) files", folder);
        return found;
    }

    private static IEnumerable<string> Matching(string glob)
    {
        // The folder part before the first wildcard is the root; the rest is the pattern.
        var normalized = glob.Replace('\\', '/');
        var wildcard = normalized.IndexOfAny(['*', '?']);
        var slash = normalized.LastIndexOf('/', wildcard);
        var root = slash < 0 ? "." : slash == 0 ? "/" : normalized[..slash];
        var pattern = normalized[(slash + 1)..];
        if (!Directory.Exists(root)) throw new TopicModelException("input folder not found", root);
        var matcher = new Matcher(StringComparison.Ordinal).AddInclude(pattern);
        var found = matcher.GetResultsInFullPath(root)
            .Select(full => slash < 0 ? Path.GetRelativePath(".", full) : Path.Combine(root, Path.GetRelativePath(root, full)))
            .Where(IsReadable)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (found.Count == 0) throw new TopicModelException("no digests, JSONL or CSV files match this pattern", glob);
        return found;
    }

    /// <summary>A file a folder or glob contributes: one of the formats we read, and not hidden (editor swap files, .DS_Store).</summary>
    private static bool IsReadable(string file) => InputSniffer.FromExtension(file) is not null && !Path.GetFileName(file).StartsWith('.');
}
