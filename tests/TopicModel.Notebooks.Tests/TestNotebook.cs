using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace TopicModel.Notebooks.Tests;

/// <summary>Writes a small nbformat 4.5 notebook (markdown and C# cells, as Polyglot saves them) into a temp folder.</summary>
internal sealed class TestNotebook : IDisposable
{
    public TestNotebook(params (string Type, string Source)[] cells)
    {
        Folder = Directory.CreateTempSubdirectory("notebook-test").FullName;
        Path = System.IO.Path.Combine(Folder, "test.ipynb");
        var json = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)Cell(c.Type, c.Source)).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(Path, json.ToJsonString());
    }

    private static JsonObject Cell(string type, string source)
    {
        var cell = new JsonObject { ["cell_type"] = type, ["metadata"] = new JsonObject(), ["source"] = source };
        if (type == "code")
        {
            cell["execution_count"] = null;
            cell["outputs"] = new JsonArray();
        }
        return cell;
    }

    public string Folder { get; }
    public string Path { get; }

    public NotebookRunResult Run() => NotebookRunner.RunAsync(Path).GetAwaiter().GetResult();

    /// <summary>The executed notebook as written to disk, as JSON.</summary>
    public static JsonObject Written(InteractiveDocument document)
    {
        var file = System.IO.Path.GetTempFileName();
        try
        {
            NotebookDocument.Write(file, document);
            return JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
