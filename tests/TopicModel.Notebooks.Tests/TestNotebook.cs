using System.Text.Json.Nodes;
using TopicModel.Notebooks;

namespace TopicModel.Notebooks.Tests;

/// <summary>Writes a small notebook (markdown and C# cells) into a temp folder for runner tests.</summary>
internal sealed class TestNotebook : IDisposable
{
    public TestNotebook(params (string Type, string Source)[] cells)
    {
        Folder = Directory.CreateTempSubdirectory("notebook-test").FullName;
        Path = System.IO.Path.Combine(Folder, "test.ipynb");
        var json = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
            {
                ["cell_type"] = c.Type,
                ["metadata"] = new JsonObject(),
                ["source"] = NotebookFile.Lines(c.Source),
            }).ToArray()),
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        foreach (var cell in json["cells"]!.AsArray().OfType<JsonObject>().Where(c => c["cell_type"]!.GetValue<string>() == "code"))
        {
            cell["execution_count"] = null;
            cell["outputs"] = new JsonArray();
        }
        File.WriteAllText(Path, NotebookFile.Serialize(json));
    }

    public string Folder { get; }
    public string Path { get; }

    public NotebookRunResult Run() => NotebookRunner.RunAsync(Path).GetAwaiter().GetResult();

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
