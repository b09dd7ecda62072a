using System.Text.Json.Nodes;
using TopicModel.ML;

namespace TopicModel.Training.Bundles;

/// <summary>A bundle's verified entries, before they are turned into a model.</summary>
public sealed record BundleContents(string Path, JsonObject Manifest, IReadOnlyDictionary<string, byte[]> Entries)
{
    public byte[] Entry(string name) =>
        Entries.TryGetValue(name, out var bytes) ? bytes : throw new TopicModelException($"bundle has no '{name}' entry", Path);
}
