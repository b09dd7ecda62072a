using System.Text.Json;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;

namespace TopicModel.Cli.Tests;

/// <summary>
/// A bundle trained once (three trials) with `topicmodel train` for every test that needs one (training is the slow part
/// of the suite: each test class training its own cost minutes), and a large input to score with it.
/// </summary>
public sealed class InterruptionFixture : IDisposable
{
    public InterruptionFixture()
    {
        var (code, stdout, err) = CliRunner.Run("train", "--recipe", Recipe.RecipePath);
        if (code != 0) throw new InvalidOperationException(err);
        TrainOutput = stdout;
        // Enough records that scoring runs for seconds, so the signal lands mid-run: the real abstracts, repeated with new ids.
        var corpus = File.ReadLines(Path.Combine(RepoPaths.Data, "corpus", "hf-daily-papers-2025.jsonl")).Take(1000).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        using var w = new StreamWriter(LargeInput);
        for (var i = 0; i < LargeRecords; i++)
        {
            var p = corpus[i % corpus.Length];
            // Now and then a bad record, so an interruption also has rejects to keep.
            w.WriteLine(i % 997 == 5
                ? JsonSerializer.Serialize(new { id = $"r{i}", title = "a title without its abstract" })
                : JsonSerializer.Serialize(new { id = $"r{i}", title = p.GetProperty("title").GetString(), @abstract = p.GetProperty("abstract").GetString() }));
        }
    }

    public TempRecipe Recipe { get; } = new();

    /// <summary>What `train` printed when the fixture trained the bundle.</summary>
    public string TrainOutput { get; }
    public string LargeInput => Path.Combine(Recipe.Directory, "large.jsonl");

    /// <summary>Records in <see cref="LargeInput"/>: seconds of scoring with topic mixtures, so a signal lands mid-run.</summary>
    public const int LargeRecords = 20_000;

    public void Dispose() => Recipe.Dispose();
}

/// <summary>
/// Ctrl+C and hard kills against the real `topicmodel` process: each command stops with a message and exit
/// code 130, keeps what was finished (train: the best pipeline so far), and never leaves a partial file
/// under a final output name.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TrainedCliCollection : ICollectionFixture<InterruptionFixture>
{
    public const string Name = "trained CLI";
}

[Collection(TrainedCliCollection.Name)]
public sealed class InterruptionTests(InterruptionFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("interrupt").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private bool ScoringHasStarted() => Directory.EnumerateFiles(_dir, ".scored.jsonl.*.tmp").Any(f => new FileInfo(f).Length > 0);

    [Fact]
    public void Ctrl_C_during_score_exits_130_keeps_the_records_done_as_partial_and_nothing_under_the_final_name()
    {
        var output = Path.Combine(_dir, "scored.jsonl");
        using var cli = new CliProcess("score", "-m", fixture.Recipe.BundlePath, fixture.LargeInput, "-o", output);
        cli.WaitUntil(ScoringHasStarted, "scored records in the temporary output");

        cli.Interrupt();

        Assert.Equal(ExitCodes.Interrupted, cli.WaitForExit());
        Assert.DoesNotContain("   at ", cli.Err);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".rejects.jsonl"));
        Assert.Empty(Directory.EnumerateFiles(_dir, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
        // What was scored is kept, complete and in input order, and the message says how much.
        var kept = File.ReadAllLines(output + ".partial");
        Assert.InRange(kept.Length, 1, InterruptionFixture.LargeRecords - 1);
        Assert.Contains($"interrupted: kept {kept.Length:N0} scored records (in input order) in {output}.partial", cli.Err);
        Assert.Contains("--resume", cli.Err);
        var ids = kept.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToArray();
        Assert.Equal(Enumerable.Range(0, InterruptionFixture.LargeRecords).Where(i => i % 997 != 5).Take(kept.Length).Select(i => $"r{i}"), ids);
    }

    [Fact]
    public void A_run_stopped_by_SIGTERM_twice_and_resumed_writes_the_same_bytes_as_an_uninterrupted_run()
    {
        // CSV (header + records) is the harder format to continue; the rejects are resumed too. Without topic mixtures
        // scoring is ~4x faster, and resuming does not depend on them.
        var reference = Path.Combine(_dir, "reference.csv");
        string[] options = ["--no-topic-mixture"];
        Assert.Equal(ExitCodes.CompletedWithRejects, CliRunner.Run(["score", "-m", fixture.Recipe.BundlePath, fixture.LargeInput, "-o", reference, .. options]).ExitCode);
        var output = Path.Combine(_dir, "resumed.csv");
        string[] args = ["score", "-m", fixture.Recipe.BundlePath, fixture.LargeInput, "-o", output, .. options];
        var keptBefore = 0;
        var keptBytes = 0L;
        for (var stop = 0; stop < 2; stop++)
        {
            using var cli = new CliProcess(stop == 0 ? args : [.. args, "--resume"]);
            // A resumed run first copies the partial output into its temporary file: wait for ~100 kB beyond that.
            cli.WaitUntil(() => Directory.EnumerateFiles(_dir, ".resumed.csv.*.tmp").Any(f => new FileInfo(f).Length > keptBytes + 100_000), "new records in the temporary output");
            cli.Terminate();
            Assert.Equal(ExitCodes.Interrupted, cli.WaitForExit());
            var kept = File.ReadAllLines(output + ".partial").Length - 1;
            Assert.True(kept > keptBefore, $"the second stop kept more records ({kept}) than the first ({keptBefore})");
            Assert.Contains($"kept {kept:N0} scored records", cli.Err);
            keptBefore = kept;
            keptBytes = new FileInfo(output + ".partial").Length;
        }

        var (code, _, stderr) = CliRunner.Run([.. args, "--resume"]);

        Assert.True(code == ExitCodes.CompletedWithRejects, stderr);
        Assert.True(File.ReadAllBytes(reference).AsSpan().SequenceEqual(File.ReadAllBytes(output)), "the resumed output differs from the uninterrupted one");
        Assert.True(File.ReadAllBytes(reference + ".rejects.jsonl").AsSpan().SequenceEqual(File.ReadAllBytes(output + ".rejects.jsonl")));
        Assert.False(File.Exists(output + ".partial"));
        Assert.False(File.Exists(output + ".rejects.jsonl.partial"));
    }

    [Fact]
    public void Resume_without_a_partial_output_is_a_clear_error()
    {
        var (code, _, stderr) = CliRunner.Run("score", "-m", fixture.Recipe.BundlePath, RepoPaths.HeldOutDigest, "-o", Path.Combine(_dir, "x.jsonl"), "--resume");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("x.jsonl.partial: nothing to resume", stderr);
    }

    [Fact]
    public void A_killed_score_leaves_nothing_under_the_final_name_and_an_earlier_output_intact()
    {
        var output = Path.Combine(_dir, "scored.jsonl");
        File.WriteAllText(output, "earlier run\n");
        using var cli = new CliProcess("score", "-m", fixture.Recipe.BundlePath, fixture.LargeInput, "-o", output);
        cli.WaitUntil(ScoringHasStarted, "scored records in the temporary output");

        cli.KillHard();
        cli.WaitForExit();

        Assert.Equal("earlier run\n", File.ReadAllText(output));
        Assert.False(File.Exists(output + ".rejects.jsonl"));
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public void Ctrl_C_during_train_exits_130_and_saves_the_best_pipeline_found_so_far()
    {
        // Without the unlabeled pool and LDA, trials are quick; what matters is that one has finished when Ctrl+C comes.
        using var recipe = new TempRecipe(json =>
        {
            json["automl"] = new System.Text.Json.Nodes.JsonObject { ["maxTrials"] = 40, ["folds"] = 5 };
            json["data"]!["unlabeled"] = new System.Text.Json.Nodes.JsonArray();
            json.Remove("lda");
        });
        using var cli = new CliProcess("train", "--recipe", recipe.RecipePath);
        cli.WaitUntil(() => cli.Out.Contains("trial 1 ("), "the first finished trial");

        cli.Interrupt();

        Assert.Equal(ExitCodes.Interrupted, cli.WaitForExit());
        Assert.Contains("the bundle holds the best pipeline found so far", cli.Err);
        var bundle = ModelBundleFile.Load(recipe.BundlePath);
        Assert.InRange(bundle.Manifest["automl"]!["trials"]!.GetValue<int>(), 1, 39);
        var leaderboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(recipe.Directory, "models", "test.leaderboard.json"))).RootElement;
        Assert.Equal("interrupted", leaderboard.GetProperty("stopReason").GetString());
    }

    [Fact]
    public void Ctrl_C_during_prep_exits_130_and_keeps_the_earlier_prepared_files()
    {
        // Ten copies of the large input (200,000 records): prep must still be reading when the signal comes; three
        // copies were read in under the 1.5 s of CPU waited for below once parsing got faster (issue 21, fourth round).
        using var recipe = new TempRecipe(json => json["data"]!["unlabeled"] = new System.Text.Json.Nodes.JsonArray(Enumerable.Repeat(fixture.LargeInput, 10).Select(f => (System.Text.Json.Nodes.JsonNode)f).ToArray()));
        var prepared = Path.Combine(recipe.Directory, "prepared");
        Directory.CreateDirectory(prepared);
        File.WriteAllText(Path.Combine(prepared, "papers.jsonl"), "earlier run\n");
        using var cli = new CliProcess("prep", "--recipe", recipe.RecipePath);
        // Prep prints nothing until it is done; a second of CPU means it is past start-up and reading.
        cli.WaitUntil(() => cli.ProcessorTime > TimeSpan.FromSeconds(1.5), "prep at work");

        cli.Interrupt();

        Assert.Equal(ExitCodes.Interrupted, cli.WaitForExit());
        Assert.Contains("interrupted", cli.Err);
        Assert.Equal("earlier run\n", File.ReadAllText(Path.Combine(prepared, "papers.jsonl")));
        Assert.False(File.Exists(Path.Combine(prepared, "papers.csv")));
    }
}
