using System.Text.Json;
using TopicModel.TestSupport;

namespace TopicModel.Embeddings.Tests;

/// <summary>The first papers of the shipped forward test set (real 2026 abstracts), as (title, abstract).</summary>
internal static class ForwardAbstracts
{
    public static IReadOnlyList<(string Title, string Abstract)> Take(int count) =>
        File.ReadLines(Path.Combine(RepoPaths.Data, "forward", "forward-2026.jsonl"))
            .Take(count)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (e.GetProperty("title").GetString()!, e.GetProperty("abstract").GetString()!))
            .ToArray();
}
