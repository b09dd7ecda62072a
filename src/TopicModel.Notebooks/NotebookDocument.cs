using System.Security.Cryptography;
using System.Text;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace TopicModel.Notebooks;

/// <summary>
/// Reads and writes .ipynb files with .NET Interactive's own document model, so a notebook is parsed exactly as
/// Polyglot and the Jupyter kernel parse it (cell kernels from the cell metadata and <c>#!</c> magics).
/// </summary>
public static class NotebookDocument
{
    /// <summary>The kernels a notebook can name: C# only, the default, as in our notebooks' metadata.</summary>
    public static KernelInfoCollection Kernels()
    {
        var kernels = new KernelInfoCollection { new KernelInfo("csharp", "csharp", ["c#", "C#"]) };
        kernels.DefaultKernelName = "csharp";
        return kernels;
    }

    public static InteractiveDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        var document = Notebook.Read(stream, Kernels());
        GiveCellsIds(document);
        return document;
    }

    /// <summary>Writes atomically (temp file + rename), so a failed write never leaves half a notebook.</summary>
    public static void Write(string path, InteractiveDocument document)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, Notebook.ToJupyterJson(document), new UTF8Encoding(false));
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>
    /// nbformat 4.5 requires a cell id; a cell without one gets a stable id from its position and contents, so
    /// running the same notebook twice writes the same ids.
    /// </summary>
    public static void GiveCellsIds(InteractiveDocument document)
    {
        var used = new HashSet<string>(document.Elements.Select(e => e.Id).OfType<string>());
        for (var i = 0; i < document.Elements.Count; i++)
        {
            var cell = document.Elements[i];
            if (!string.IsNullOrEmpty(cell.Id)) continue;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{i}\n{cell.Contents}"));
            var id = Convert.ToHexStringLower(hash)[..8];
            while (!used.Add(id)) id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..8];
            cell.Id = id;
        }
    }
}
