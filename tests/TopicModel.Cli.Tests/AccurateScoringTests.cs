using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Ingestion;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;

namespace TopicModel.Cli.Tests;

/// <summary>
/// A small distilled bundle trained with `topicmodel train` (<see cref="DistillationRecipe"/>, hard targets): `score` uses the student, `score --accurate` the teacher, `evaluate --compare teacher` both.
/// </summary>
public sealed class DistilledCliBundle : IDisposable
{
    public DistilledCliBundle()
    {
        Recipe = DistillationRecipe.Create("hard");
        var (code, stdout, stderr) = CliRunner.Run("train", "--recipe", Recipe.RecipePath);
        if (code != 0) throw new InvalidOperationException(stderr);
        TrainOutput = stdout;
    }

    public TempRecipe Recipe { get; }
    public string TrainOutput { get; }

    public void Dispose() => Recipe.Dispose();
}

public sealed class AccurateScoringTests(DistilledCliBundle distilled) : IClassFixture<DistilledCliBundle>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("accurate").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Train_prints_the_student_and_the_teacher_side_by_side()
    {
        Assert.Contains("distilled student", distilled.TrainOutput);
        Assert.Contains("teacher", distilled.TrainOutput);
        Assert.Contains("Distillation: a lexical student (no sentence vectors) learns the teacher's most probable topic", distilled.TrainOutput);
    }

    [Fact]
    public void Score_uses_the_student_and_accurate_the_teacher_each_as_the_library_predicts()
    {
        var bundle = ModelBundleFile.Load(distilled.Recipe.BundlePath);
        var fast = Path.Combine(_dir, "student.jsonl");
        var accurate = Path.Combine(_dir, "teacher.jsonl");

        var (code, _, stderr) = CliRunner.Run("score", "-m", distilled.Recipe.BundlePath, RepoPaths.HeldOutDigest, "-o", fast);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = CliRunner.Run("score", "--accurate", "-m", distilled.Recipe.BundlePath, RepoPaths.HeldOutDigest, "-o", accurate);
        Assert.True(code == 0, stderr);

        var papers = PaperReader.ReadFile(RepoPaths.HeldOutDigest).Papers;
        string[] Topics(string file) => File.ReadLines(file).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("topic").GetString()!).ToArray();
        string[] Expected(ModelBundle b) => papers.Select(p =>
        {
            var probabilities = new float[b.Taxonomy.Ids.Count];
            b.Classifier.Predict(p, probabilities);
            return b.Taxonomy.Ids[Array.IndexOf(probabilities, probabilities.Max())];
        }).ToArray();
        Assert.Equal(Expected(bundle), Topics(fast));
        Assert.Equal(Expected(bundle.AsTeacher()), Topics(accurate));
        Assert.Null(bundle.Classifier.Encoder);
        Assert.Equal("MiniLM", bundle.AsTeacher().Classifier.Encoder!.Name);
    }

    [Fact]
    public void Evaluate_compares_the_student_with_its_teacher()
    {
        var (code, stdout, stderr) = CliRunner.Run("evaluate", "--recipe", distilled.Recipe.RecipePath, "--compare", "teacher", "--out", _dir);

        Assert.True(code == 0, stderr);
        Assert.Contains("test (teacher)", stdout);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "metrics.json")))!;
        Assert.NotNull(metrics["comparison"]);
    }

    [Fact]
    public void Accurate_scoring_with_a_bundle_without_a_teacher_exits_2_and_says_why()
    {
        using var plain = new TempRecipe(json =>
        {
            json["data"]!["unlabeled"] = new JsonArray();
            json["lda"] = new JsonObject { ["enabled"] = false };
            json["automl"] = new JsonObject { ["maxTrials"] = 1, ["folds"] = 3, ["searchSpace"] = new JsonObject { ["trainer"] = "NaiveBayes" } };
        });
        Assert.Equal(0, CliRunner.Run("train", "--recipe", plain.RecipePath).ExitCode);
        var output = Path.Combine(_dir, "never.jsonl");

        var (code, _, stderr) = CliRunner.Run("score", "--accurate", "-m", plain.BundlePath, RepoPaths.HeldOutDigest, "-o", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("this model has no teacher", stderr);
        Assert.False(File.Exists(output));
    }
}
