using System.Text.Json;
using TopicModel.TestSupport;

namespace TopicModel.Cli.Tests;

/// <summary>
/// `run` on the recipe the collection fixture trained with `topicmodel train`: the same search with the same seed, so it
/// must rewrite that bundle and leaderboard byte for byte (the recipe's trial limit makes training repeatable), then
/// evaluate, compare and score; and `evaluate` against a second bundle and against the rules.
/// </summary>
[Collection(TrainedCliCollection.Name)]
public sealed class EvaluateAndRunCommandTests(InterruptionFixture fixture)
{
    private TempRecipe Recipe => fixture.Recipe;

    private string Reports => Path.Combine(Recipe.Directory, "reports", "test");

    [Fact]
    public void Run_trains_evaluates_and_scores_the_held_out_digest_then_evaluate_compares_two_models()
    {
        var trained = File.ReadAllBytes(Recipe.BundlePath);
        var trainedBoard = LeaderboardWithoutTimings(Recipe);

        var (code, stdout, stderr) = CliRunner.Run("run", "--recipe", Recipe.RecipePath);

        Assert.True(code == ExitCodes.Ok, stderr);
        // The fixture's `train` and this `run`, two trainings with the same data, recipe, seed and trial limit.
        Assert.True(trained.AsSpan().SequenceEqual(File.ReadAllBytes(Recipe.BundlePath)), "the bundle differs between two trainings with the same seed");
        Assert.Equal(trainedBoard, LeaderboardWithoutTimings(Recipe));
        Assert.Contains("Held-out metrics: test", stdout);
        Assert.Contains("MicroAccuracy", stdout);
        Assert.Contains("93 papers scored against reviewed labels for all 93 papers; 19 papers also occur in the training data", stdout);
        Assert.Contains($"Report: {Path.Combine(Reports, "report.html")}", stdout);
        Assert.Equal(112, File.ReadAllLines(Path.Combine(Reports, "scored.jsonl")).Length);
        // `run` always answers the product's question: the model against the weak labeler on the same held-out papers.
        Assert.Contains("Compared with weak labeler (rules): ", stdout);
        using (var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(Reports, "metrics.json"))))
        {
            Assert.Equal(19, metrics.RootElement.GetProperty("leakage").GetProperty("count").GetInt32());
            Assert.Equal(93, metrics.RootElement.GetProperty("data").GetProperty("papers").GetInt32());
            Assert.Equal("weak labeler (rules)", metrics.RootElement.GetProperty("comparison").GetProperty("baseline").GetString());
        }
        // The forward test set (2026 papers, later than all training data) is reported beside it, against the rules too.
        Assert.Contains("Forward test set (later period) metrics: test", stdout);
        var forwardPapers = RepoPaths.ForwardTestPapers;
        Assert.Contains($"{forwardPapers} papers scored against reviewed labels for all {forwardPapers} papers; no evaluation paper occurs in the training data", stdout);
        using (var forward = JsonDocument.Parse(File.ReadAllText(Path.Combine(Reports, "forward", "metrics.json"))))
        {
            Assert.Equal(forwardPapers, forward.RootElement.GetProperty("data").GetProperty("papers").GetInt32());
            Assert.Equal(0, forward.RootElement.GetProperty("leakage").GetProperty("count").GetInt32());
            // Several topics per paper, against primary + secondary labels.
            var multiLabel = forward.RootElement.GetProperty("multiLabel");
            Assert.True(multiLabel.GetProperty("thresholdsTuned").GetBoolean());
            Assert.Equal(forwardPapers, multiLabel.GetProperty("papers").GetInt32());
            Assert.InRange(multiLabel.GetProperty("exampleF1").GetProperty("value").GetDouble(), 0.3, 1.0);
            Assert.Equal("weak labeler (rules)", forward.RootElement.GetProperty("comparison").GetProperty("baseline").GetString());
        }

        var compared = Path.Combine(Recipe.Directory, "compared");
        var (evaluated, evalOut, evalErr) = CliRunner.Run("evaluate", "--recipe", Recipe.RecipePath, "--model", Recipe.BundlePath,
            "--compare", Recipe.BundlePath, "--include-leaked", "--out", compared, RepoPaths.HeldOutDigest);

        Assert.True(evaluated == ExitCodes.Ok, evalErr);
        Assert.Contains("112 papers scored against reviewed labels for all 112 papers; 19 papers also occur in the training data", evalOut);
        Assert.Contains("kept in (--include-leaked)", evalOut);
        Assert.Contains("no significant difference between test and test", evalOut);
        // Data files on the command line replace the recipe's test sets: no forward report then.
        Assert.DoesNotContain("Forward test set", evalOut);
        Assert.False(Directory.Exists(Path.Combine(compared, "forward")));
        Assert.True(File.Exists(Path.Combine(compared, "report.md")));
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(compared, "metrics.json"))))
            Assert.Equal(1.0, json.RootElement.GetProperty("comparison").GetProperty("mcNemar").GetProperty("exactPValue").GetDouble());

        var againstRules = Path.Combine(Recipe.Directory, "against-rules");
        var (vsRules, rulesOut, rulesErr) = CliRunner.Run("evaluate", "--recipe", Recipe.RecipePath, "--model", Recipe.BundlePath,
            "--compare", "rules", "--out", againstRules);
        Assert.True(vsRules == ExitCodes.Ok, rulesErr);
        Assert.Contains("Compared with weak labeler (rules): ", rulesOut);
        Assert.Contains("over 93 papers", rulesOut);
        Assert.Contains($"over {forwardPapers} papers", rulesOut);
        Assert.True(File.Exists(Path.Combine(againstRules, "forward", "report.html")));
    }

    /// <summary>The leaderboard CSV without its 'seconds' column, the one thing in it that is a measurement, not a result.</summary>
    private static string[] LeaderboardWithoutTimings(TempRecipe recipe)
    {
        var lines = File.ReadAllLines(Path.Combine(recipe.Directory, "models", "test.leaderboard.csv"));
        var seconds = Array.IndexOf(lines[0].Split(','), "seconds");
        Assert.True(seconds >= 0);
        // No quoted commas occur before the timing column (numbers only), so a plain split finds it.
        return lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != seconds))).ToArray();
    }

    [Fact]
    public void Evaluate_with_a_missing_model_exits_2_and_names_the_file()
    {
        var (code, _, stderr) = CliRunner.Run("evaluate", "--recipe", Recipe.RecipePath, "--model", Path.Combine(Recipe.Directory, "missing.zip"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("missing.zip", stderr);
    }
}
