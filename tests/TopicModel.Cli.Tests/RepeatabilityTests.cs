using TopicModel.TestSupport;

namespace TopicModel.Cli.Tests;

/// <summary>
/// Every command that takes the recipe's seed, run twice on the same inputs, writes byte-identical files: prep,
/// score, topics and evaluate here; train (with a trial limit) in <see cref="EvaluateAndRunCommandTests"/>, whose
/// `run` retrains the fixture's recipe and must rewrite its bundle and leaderboard exactly.
/// </summary>
[Collection(TrainedCliCollection.Name)]
public sealed class RepeatabilityTests(InterruptionFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("repeat").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs a command twice, keeping a copy of the named outputs after each run, and returns both copies.</summary>
    private (Dictionary<string, byte[]> First, Dictionary<string, byte[]> Second) Twice(string[] args, params string[] outputs)
    {
        var runs = new List<Dictionary<string, byte[]>>();
        for (var run = 0; run < 2; run++)
        {
            var (code, _, err) = CliRunner.Run(args);
            Assert.True(code is ExitCodes.Ok or ExitCodes.CompletedWithRejects, $"{string.Join(' ', args)}: exit {code}\n{err}");
            runs.Add(outputs.ToDictionary(o => o, File.ReadAllBytes));
        }
        return (runs[0], runs[1]);
    }

    private static void AssertIdentical((Dictionary<string, byte[]> First, Dictionary<string, byte[]> Second) runs)
    {
        foreach (var (file, bytes) in runs.First)
        {
            Assert.True(bytes.Length > 0, $"{file} is empty");
            Assert.True(bytes.AsSpan().SequenceEqual(runs.Second[file]), $"{file} differs between two runs with the same seed");
        }
    }

    [Fact]
    public void Prep_score_topics_and_evaluate_write_identical_bytes_on_repeat()
    {
        var prepared = Path.Combine(_dir, "prepared");
        AssertIdentical(Twice(["prep", "--recipe", fixture.Recipe.RecipePath, "--out", prepared],
            Path.Combine(prepared, "papers.jsonl"), Path.Combine(prepared, "papers.csv")));

        var scored = Path.Combine(_dir, "scored.csv");
        AssertIdentical(Twice(["score", "-m", fixture.Recipe.BundlePath, RepoPaths.HeldOutDigest, RepoPaths.TrainingDigest, "-o", scored], scored));

        var topics = Path.Combine(_dir, "topics.html");
        AssertIdentical(Twice(["topics", "-m", fixture.Recipe.BundlePath, "--html", topics], topics));

        var reports = Path.Combine(_dir, "reports");
        AssertIdentical(Twice(["evaluate", "--recipe", fixture.Recipe.RecipePath, "-m", fixture.Recipe.BundlePath, "--out", reports],
            Path.Combine(reports, "metrics.json"), Path.Combine(reports, "report.md"), Path.Combine(reports, "report.html")));
    }
}
