using System.Diagnostics;
using TopicModel.TestSupport;

namespace TopicModel.Cli.Tests;

/// <summary>
/// `topicmodel-score` (src/TopicModel.Scorer) published with Native AOT once per test run, for this machine's CPU as
/// bench/compare.sh publishes it. If the publish fails (no clang, an AOT warning: warnings are errors), every test
/// that uses it fails.
/// </summary>
public sealed class NativeScorer : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("topicmodel-score").FullName;

    public NativeScorer()
    {
        var (code, output, errors) = Run("dotnet", ["publish", Path.Combine(RepoPaths.Root, "src", "TopicModel.Scorer"), "-c", "Release", "-r", "linux-x64",
            "-p:IlcInstructionSet=native", "--nologo", "-o", _dir]);
        if (code != 0 || !File.Exists(Executable)) throw new InvalidOperationException($"publishing topicmodel-score failed ({code}):\n{output}{errors}");
    }

    public string Executable => Path.Combine(_dir, "topicmodel-score");

    /// <summary>Runs the native scorer; standard output and error are kept apart.</summary>
    public (int ExitCode, string Out, string Err) Score(params string[] args) => Run(Executable, args);

    private static (int ExitCode, string Out, string Err) Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var err = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, err.GetAwaiter().GetResult());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

/// <summary>The native scorer against `topicmodel score` on real inputs: the same bytes, exit codes and error messages.</summary>
[Collection(TrainedCliCollection.Name)]
public sealed class NativeScorerTests(InterruptionFixture trained, NativeScorer native) : IClassFixture<NativeScorer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("native-score").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> Inputs => new()
    {
        { "large", "jsonl" }, // 20,000 real abstracts with 21 bad records among them (rejects, exit 1)
        { "large", "csv" },
        { "forward", "jsonl" },
        { "heldout", "csv" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Writes_the_same_bytes_and_rejects_as_topicmodel_score(string input, string format)
    {
        var path = input switch
        {
            "large" => trained.LargeInput,
            "forward" => Path.Combine(RepoPaths.Data, "forward", "forward-2026.jsonl"),
            _ => RepoPaths.HeldOutDigest,
        };
        var jit = Path.Combine(_dir, $"jit.{format}");
        var aot = Path.Combine(_dir, $"aot.{format}");

        var (jitCode, _, jitErr) = CliRunner.Run("score", "-m", trained.Recipe.BundlePath, path, "-o", jit);
        var (aotCode, _, aotErr) = native.Score("-m", trained.Recipe.BundlePath, path, "-o", aot);

        Assert.True(jitCode is 0 or 1, jitErr);
        Assert.Equal(jitCode, aotCode);
        Assert.True(new FileInfo(aot).Length > 0);
        Assert.True(File.ReadAllBytes(jit).AsSpan().SequenceEqual(File.ReadAllBytes(aot)), $"{input} as {format}: the outputs differ");
        Assert.Equal(File.Exists(jit + ".rejects.jsonl"), File.Exists(aot + ".rejects.jsonl"));
        if (jitCode == 1)
        {
            // The rejects name the input file and line, so they are the same bytes too.
            Assert.Equal(File.ReadAllText(jit + ".rejects.jsonl"), File.ReadAllText(aot + ".rejects.jsonl"));
            Assert.Contains($"rejected {File.ReadLines(aot + ".rejects.jsonl").Count():N0}", aotErr);
        }
    }

    [Fact]
    public void Writes_to_standard_output_what_topicmodel_score_writes_to_a_file()
    {
        // (`score -` writes to the process's standard output, which an in-process run cannot capture: compare with its file.)
        var jit = Path.Combine(_dir, "jit.jsonl");
        var (jitCode, _, jitErr) = CliRunner.Run("score", "-m", trained.Recipe.BundlePath, RepoPaths.HeldOutDigest, "--top", "5", "--no-topic-mixture", "-o", jit);
        var (aotCode, aotOut, aotErr) = native.Score("-m", trained.Recipe.BundlePath, RepoPaths.HeldOutDigest, "--top", "5", "--no-topic-mixture");
        Assert.True(jitCode == 0, jitErr);
        Assert.True(aotCode == 0, aotErr);
        Assert.Equal(File.ReadAllText(jit), aotOut);
    }

    [Fact]
    public void Bad_input_fails_with_the_same_message_and_exit_code_2()
    {
        var missing = Path.Combine(_dir, "no-such-input.jsonl");
        var allBad = Path.Combine(_dir, "all-bad.jsonl");
        File.WriteAllLines(allBad, ["{\"title\": \"a title without its abstract\"}", "not json"]);
        string[][] cases =
        [
            ["-m", trained.Recipe.BundlePath, missing, "-o", Path.Combine(_dir, "a.jsonl")],
            ["-m", Path.Combine(_dir, "no-such-model.zip"), RepoPaths.HeldOutDigest, "-o", Path.Combine(_dir, "b.jsonl")],
            ["-m", trained.Recipe.BundlePath, allBad, "-o", Path.Combine(_dir, "c.jsonl")],
            ["-m", trained.Recipe.BundlePath, RepoPaths.HeldOutDigest, "--top", "0"],
        ];
        foreach (var args in cases)
        {
            var (jitCode, _, jitErr) = CliRunner.Run(["score", .. args]);
            var (aotCode, aotOut, aotErr) = native.Score(args);
            Assert.Equal(2, jitCode);
            Assert.Equal(2, aotCode);
            Assert.Equal("", aotOut);
            // The same error lines; only the help hint names the program that was run.
            Assert.Equal(jitErr.Replace("see: topicmodel score --help", "see: topicmodel-score --help"), aotErr);
        }
        Assert.False(File.Exists(Path.Combine(_dir, "c.jsonl")));
    }

    [Fact]
    public void Parquet_output_is_refused_with_exit_code_2_and_points_to_topicmodel_score()
    {
        var output = Path.Combine(_dir, "scored.parquet");
        var (code, _, err) = native.Score("-m", trained.Recipe.BundlePath, RepoPaths.HeldOutDigest, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains(output, err);
        Assert.Contains("use `topicmodel score`", err);
        Assert.False(File.Exists(output));
    }
}
