using System.Text.Json;
using TopicModel.TestSupport;

namespace TopicModel.Cli.Tests;

public sealed class PrepCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("prep-cli").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Prep_on_the_shipped_recipe_writes_every_paper_and_prints_the_analysis()
    {
        var (code, stdout, stderr) = CliRunner.Run("prep", "--recipe", RepoPaths.Recipe, "--out", _out);

        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(Path.Combine(_out, "papers.jsonl"));
        Assert.Equal(216 + 112 + 3004 + 4000, lines.Length);
        var papers = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(216, papers.Count(p => p.GetProperty("split").GetString() == "train"));
        Assert.Equal(112, papers.Count(p => p.GetProperty("split").GetString() == "heldOut"));
        Assert.Equal(3004 + 4000, papers.Count(p => p.GetProperty("split").GetString() == "unlabeled"));
        Assert.All(papers, p => Assert.Equal(14, p.GetProperty("probabilities").EnumerateObject().Count()));
        Assert.False(File.Exists(Path.Combine(_out, "rejects.jsonl")), "no rejects file when nothing was rejected");

        Assert.Contains("19 shared between digests", stdout);
        Assert.Contains("Label models against reviewed labels", stdout);
        Assert.Contains("title:unlearning-privacy", stdout);
        Assert.Contains("MajorityVote", stdout);
    }

    [Fact]
    public void A_missing_recipe_is_a_clear_error_with_exit_code_2()
    {
        var (code, _, stderr) = CliRunner.Run("prep", "--recipe", Path.Combine(_out, "nope.json"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("nope.json", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_recipe_pointing_at_a_damaged_digest_names_the_file()
    {
        var digest = Path.Combine(_out, "binary.txt");
        File.WriteAllBytes(digest, [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]);
        var recipe = Path.Combine(_out, "train.json");
        File.WriteAllText(recipe, JsonSerializer.Serialize(new
        {
            taxonomy = RepoPaths.Taxonomy,
            data = new { train = new[] { digest } },
        }));

        var (code, _, stderr) = CliRunner.Run("prep", "--recipe", recipe, "--out", Path.Combine(_out, "o"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("binary.txt", stderr);
    }

    [Fact]
    public void Help_lists_every_option_with_its_default()
    {
        var (code, stdout, _) = CliRunner.Run("prep", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--recipe", stdout);
        Assert.Contains("train.json", stdout);
        Assert.Contains("--out", stdout);
    }
}
