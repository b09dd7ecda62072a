namespace TopicModel.ML.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content, never a
/// partial file: write to a temporary file beside the target, flush to disk, then rename over it.
/// A target that cannot be written (read-only file system, no permission, a folder in its place, disk full)
/// is a <see cref="TopicModelException"/> naming the target, never the hidden temporary file.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        using var file = PendingFile.Create(path);
        write(file.Stream);
        file.Commit();
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true);
            w.Write(text);
        });

    /// <summary>Writes through a text writer (UTF-8, no BOM, '\n' line endings).</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(w);
        });

    /// <summary>Creates a folder for outputs; failing that, an error naming the folder the user gave.</summary>
    public static void CreateDirectory(string path)
    {
        try
        {
            if (File.Exists(path)) throw new TopicModelException("cannot write: this is a file, not a folder", path);
            if (FileInTheWay(Path.GetFullPath(path)) is { } file) throw new TopicModelException($"cannot write: {file} is a file, not a folder", path);
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            throw Unwritable(path, e);
        }
    }

    /// <summary>The exceptions the file system throws when an output cannot be created or written.</summary>
    public static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>An error that names the user's output, with the system's reason minus the path it quoted (often a temp file).</summary>
    public static TopicModelException Unwritable(string path, Exception e) => new($"cannot write: {Reason(e)}", path, inner: e);

    private static string Reason(Exception e)
    {
        if (e is UnauthorizedAccessException) return "permission denied";
        if (e is FileNotFoundException or DirectoryNotFoundException) return "the file system refuses to create files there";
        // .NET on Unix: "Read-only file system : '/dir/.out.jsonl.123.tmp'"; keep the reason, not the temp file's name.
        var reason = System.Text.RegularExpressions.Regex.Replace(e.Message, @"\s*:?\s*'[^']*'", "").Trim().TrimEnd('.');
        return reason.Length > 0 ? reason : e.GetType().Name;
    }

    /// <summary>A file where the output needs a folder ("-o notes.txt/out.jsonl"): the one error the system words confusingly.</summary>
    internal static string? FileInTheWay(string fullPath)
    {
        for (var dir = Path.GetDirectoryName(fullPath); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir)) return dir;
            if (Directory.Exists(dir)) return null;
        }
        return null;
    }
}
