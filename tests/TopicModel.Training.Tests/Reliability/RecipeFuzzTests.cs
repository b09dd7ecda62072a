using System.Text;
using System.Text.Json.Nodes;
using TopicModel.TestSupport;
using TopicModel.Training.Recipes;
using Xunit.Abstractions;

namespace TopicModel.Training.Tests.Reliability;

/// <summary>
/// Seeded fuzzing of train.json: byte-level mutations of the shipped recipe, and structural ones that keep
/// it valid JSON but put a value of a random type or size at a random path (the mistakes people make by
/// hand). Every recipe must parse or fail with a TopicModelException naming the file.
/// </summary>
public sealed class RecipeFuzzTests(ITestOutputHelper output)
{
    private static readonly string Shipped = File.ReadAllText(RepoPaths.Recipe);

    private static readonly JsonNode?[] Values =
    [
        null, true, false, 0, -1, 1, 2, 1e308, -1e308, 0.5, int.MaxValue, long.MinValue, "", "x", "costFrugal", "../../etc/passwd",
        new string('a', 10_000), new JsonArray(), new JsonArray(1, "a", null), new JsonObject(), new JsonObject { ["min"] = 5, ["max"] = 1 },
    ];

    private static byte[] Structural(Random random)
    {
        var root = JsonNode.Parse(Shipped, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        for (var steps = random.Next(1, 4); steps > 0; steps--)
        {
            var containers = Walk(root).ToList();
            var target = containers[random.Next(containers.Count)];
            var value = Values[random.Next(Values.Length)]?.DeepClone();
            switch (target)
            {
                case JsonObject o when o.Count > 0 && random.Next(4) > 0:
                    var key = o.ElementAt(random.Next(o.Count)).Key;
                    if (random.Next(5) == 0) o.Remove(key);
                    else o[key] = value;
                    break;
                case JsonObject o:
                    o["unknown" + random.Next(3)] = value;
                    break;
                case JsonArray a when a.Count > 0:
                    a[random.Next(a.Count)] = value;
                    break;
                case JsonArray a:
                    a.Add(value);
                    break;
            }
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is JsonObject or JsonArray)
            {
                foreach (var n in Walk(child)) yield return n;
            }
        }
    }

    [Fact]
    public void Mutated_recipes_parse_or_fail_naming_the_recipe()
    {
        var mutator = new Mutator(921);
        var shipped = Encoding.UTF8.GetBytes(Shipped);
        var path = Path.Combine(RepoPaths.Root, "fuzz-train.json");
        var report = FuzzHarness.Run("recipe", 3000, i => (i % 3) switch
        {
            0 => Structural(mutator.Random),
            1 => mutator.Mutate(shipped, maxSteps: 3),
            _ => i % 30 == 2 ? mutator.RandomBytes(512) : mutator.Mutate(shipped, maxSteps: 1),
        }, bytes => RecipeReader.Parse(Encoding.UTF8.GetString(bytes), path), path);
        output.WriteLine(report.ToString());
        Assert.True(report.Succeeded > 100 && report.Refused > 1000, report.ToString());
    }
}
