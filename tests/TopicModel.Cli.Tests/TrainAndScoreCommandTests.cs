using System.Text.Json;
using TopicModel.TestSupport;

namespace TopicModel.Cli.Tests;

/// <summary>`train` then `score`, on the bundle the collection fixture trained with `topicmodel train` once for all its classes.</summary>
[Collection(TrainedCliCollection.Name)]
public sealed class TrainAndScoreCommandTests(InterruptionFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("train-score").FullName;
    private string Bundle => fixture.Recipe.BundlePath;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Train_then_score_the_held_out_digest_gives_one_record_per_paper()
    {
        Assert.Contains("Validation: 5-fold cross-validation", fixture.TrainOutput);
        // The summary names what stopped the search: the recipe's trial limit, not a time budget.
        Assert.Matches(@"Search stopped after 3 trials in [0-9]+\.[0-9] s: trial limit \(3\) reached\.", fixture.TrainOutput);
        Assert.True(File.Exists(Bundle));

        var output = Path.Combine(_dir, "scored.jsonl");
        var (scored, _, scoreErr) = CliRunner.Run("score", "--model", Bundle, RepoPaths.HeldOutDigest, "-o", output);

        Assert.True(scored == 0, scoreErr);
        var records = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(112, records.Count);
        Assert.Contains("scored 112 papers", scoreErr);
        Assert.False(File.Exists(output + ".rejects.jsonl"));

        // The recipe fits LDA (14 taxonomy-seeded topics), so every record carries its topic mixture ...
        Assert.All(records, r =>
        {
            var mixture = r.GetProperty("topicMixture").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(14, mixture.Length);
            Assert.Equal(1.0, mixture.Sum(), 2);
        });
        // ... unless asked not to; the rest of each record is unchanged.
        var plain = Path.Combine(_dir, "plain.jsonl");
        Assert.Equal(0, CliRunner.Run("score", "--model", Bundle, RepoPaths.HeldOutDigest, "-o", plain, "--no-topic-mixture").ExitCode);
        var plainRecords = File.ReadAllLines(plain).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(plainRecords, r => Assert.False(r.TryGetProperty("topicMixture", out _)));
        Assert.Equal(records.Select(r => r.GetProperty("top").GetRawText()), plainRecords.Select(r => r.GetProperty("top").GetRawText()));
    }

    [Fact]
    public void Scoring_with_bad_records_writes_them_to_rejects_and_exits_1()
    {
        var input = Path.Combine(_dir, "mixed.jsonl");
        File.WriteAllLines(input,
        [
            """{"id": "a", "title": "Unlearning copyrighted books", "abstract": "We remove memorized copyrighted text from a large language model without retraining it."}""",
            """{"id": "b", "title": "No abstract here"}""",
            """not json at all""",
            """{"id": "c", "title": "Chain-of-thought for math", "abstract": "We improve mathematical reasoning with chain-of-thought prompting and self-verification of steps."}""",
        ]);
        var output = Path.Combine(_dir, "mixed.csv");

        var (code, _, stderr) = CliRunner.Run("score", "-m", Bundle, input, "-o", output);

        Assert.Equal(ExitCodes.CompletedWithRejects, code);
        var lines = File.ReadAllLines(output);
        // The bundle has a topic model, so the CSV carries the topicMixture column.
        Assert.Equal("id,title,digest,topic,probability,top,topics,topicMixture", lines[0]);
        Assert.Equal(["a", "c"], lines.Skip(1).Select(l => l.Split(',')[0]));
        var rejects = File.ReadAllLines(output + ".rejects.jsonl").Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([2L, 3L], rejects.Select(r => r.GetProperty("line").GetInt64()));
        Assert.Contains("rejected 2", stderr);
    }

    [Fact]
    public void Train_with_a_name_writes_a_second_model_beside_the_first_instead_of_replacing_it()
    {
        using var quick = new TempRecipe(json =>
        {
            json["automl"] = new System.Text.Json.Nodes.JsonObject { ["maxTrials"] = 1, ["folds"] = 3 };
            json["data"]!["unlabeled"] = new System.Text.Json.Nodes.JsonArray();
            json.Remove("lda");
        });
        var models = Path.Combine(quick.Directory, "models");
        Directory.CreateDirectory(models);
        File.WriteAllText(quick.BundlePath, "the current model");

        var (code, stdout, stderr) = CliRunner.Run("train", "--recipe", quick.RecipePath, "--name", "candidate");

        Assert.True(code == 0, stderr);
        Assert.Equal("the current model", File.ReadAllText(quick.BundlePath));
        Assert.Equal("candidate", TopicModel.Training.Bundles.ModelBundleFile.Load(Path.Combine(models, "candidate.zip")).Name);
        Assert.True(File.Exists(Path.Combine(models, "candidate.leaderboard.csv")));
        Assert.Contains($"Model bundle: {Path.Combine(models, "candidate.zip")}", stdout);
    }

    [Fact]
    public void Scoring_with_a_damaged_model_fails_clearly_and_writes_nothing()
    {
        var model = Path.Combine(_dir, "broken.zip");
        File.WriteAllText(model, "not a zip");
        var output = Path.Combine(_dir, "never.jsonl");

        var (code, _, stderr) = CliRunner.Run("score", "-m", model, RepoPaths.HeldOutDigest, "-o", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("broken.zip", stderr);
        Assert.False(File.Exists(output));
    }
}
