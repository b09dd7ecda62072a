using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.ML;

namespace TopicModel.Notebooks;

/// <summary>
/// Reads and writes .ipynb (nbformat 4) JSON. The notebook is kept as a JSON tree, so whatever the runner does
/// not touch (markdown cells, metadata, unknown fields) is written back as it was read.
/// </summary>
public static class NotebookFile
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1, // nbformat's own indentation
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TopicModelException($"cannot read the notebook: {e.Message}", path, inner: e);
        }
        return Parse(text, path);
    }

    public static JsonObject Parse(string json, string source)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException e)
        {
            throw new TopicModelException($"not a notebook: invalid JSON at line {e.LineNumber + 1}: {e.Message}", source, inner: e);
        }
        if (node is not JsonObject notebook || notebook["cells"] is not JsonArray cells)
            throw new TopicModelException("not a notebook: expected a JSON object with a \"cells\" array (nbformat 4)", source);
        if (notebook["nbformat"] is JsonValue v && v.TryGetValue<int>(out var major) && major != 4)
            throw new TopicModelException($"nbformat {major} is not supported (only nbformat 4)", source);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"] is not JsonValue)
                throw new TopicModelException($"cell {i + 1} has no \"cell_type\"", source);
        }
        return notebook;
    }

    public static string Serialize(JsonObject notebook) => notebook.ToJsonString(WriteOptions) + "\n";

    public static void Write(string path, JsonObject notebook)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null) Directory.CreateDirectory(folder);
            File.WriteAllText(path, Serialize(notebook), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TopicModelException($"cannot write the notebook: {e.Message}", path, inner: e);
        }
    }

    /// <summary>A cell's source, which nbformat stores as a string or as an array of lines.</summary>
    public static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    /// <summary>Text as nbformat writes multi-line strings: an array of lines, each but the last ending in '\n'.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length - 1;
            lines.Add(text[start..(end + 1)]);
            start = end + 1;
        }
        return lines;
    }
}
