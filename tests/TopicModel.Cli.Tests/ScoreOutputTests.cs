using System.Text.Json;
using TopicModel.TestSupport;

namespace TopicModel.Cli.Tests;

/// <summary>
/// `score` against the real CLI: outputs that cannot be written, folders and globs as inputs, rejects files only when
/// something was rejected, inputs with no papers, formats by extension, digest years (issue 22).
/// </summary>
[Collection(TrainedCliCollection.Name)]
public sealed class ScoreOutputTests(InterruptionFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("score-out").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Model => fixture.Recipe.BundlePath;

    private (int Code, string Out, string Err) Score(params string[] args) => CliRunner.Run(["score", "-m", Model, .. args]);

    [Fact]
    public void An_output_that_cannot_be_written_exits_2_naming_the_path_given_not_a_temp_file()
    {
        var blocker = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(blocker, "a file where a folder should go");
        var output = Path.Combine(blocker, "scored.jsonl");

        var (code, _, stderr) = Score(RepoPaths.HeldOutDigest, "-o", output);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"error: {output}: cannot write: {blocker} is a file, not a folder", stderr);
        Assert.DoesNotContain(".tmp", stderr);

        // A file system that refuses files outright (procfs); the message still names the user's path.
        if (Directory.Exists("/proc/self"))
        {
            var (procCode, _, procErr) = Score(RepoPaths.HeldOutDigest, "-o", "/proc/scored.jsonl");
            Assert.Equal(ExitCodes.BadInput, procCode);
            Assert.StartsWith("error: /proc/scored.jsonl: cannot write: ", procErr);
            Assert.DoesNotContain(".tmp", procErr);
        }

        // A folder given as the output file.
        var (dirCode, _, dirErr) = Score(RepoPaths.HeldOutDigest, "-o", _dir, "--format", "jsonl");
        Assert.Equal(ExitCodes.BadInput, dirCode);
        Assert.Contains("it is a folder; give a file name", dirErr);
    }

    [Fact]
    public void An_unwritable_evaluate_report_folder_exits_2_naming_it()
    {
        var blocker = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(blocker, "a file where a folder should go");

        var (code, _, stderr) = CliRunner.Run("evaluate", "--recipe", fixture.Recipe.RecipePath, "-m", Model, "--out", Path.Combine(blocker, "report"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"cannot write: {blocker} is a file, not a folder", stderr);
        Assert.DoesNotContain("internal error", stderr);
    }

    [Fact]
    public void A_folder_or_a_glob_scores_every_digest_inside_in_sorted_order()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_dir, "digests")).FullName;
        File.Copy(RepoPaths.TrainingDigest, Path.Combine(inputs, "b-training.txt"));
        File.Copy(RepoPaths.HeldOutDigest, Path.Combine(inputs, "a-held-out.txt"));
        File.WriteAllText(Path.Combine(inputs, "readme.pdf"), "not an input");
        var fromFolder = Path.Combine(_dir, "folder.jsonl");
        var fromGlob = Path.Combine(_dir, "glob.jsonl");

        var (code, _, stderr) = Score(inputs, "-o", fromFolder);
        var (globCode, _, globErr) = Score(Path.Combine(inputs, "*.txt"), "-o", fromGlob);

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.True(globCode == ExitCodes.Ok, globErr);
        var digests = File.ReadLines(fromFolder).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("digest").GetString()).ToList();
        Assert.Equal(Enumerable.Repeat("a-held-out", 112).Concat(Enumerable.Repeat("b-training", 216)), digests);
        Assert.Equal(File.ReadAllBytes(fromFolder), File.ReadAllBytes(fromGlob));

        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var (emptyCode, _, emptyErr) = Score(empty, "-o", Path.Combine(_dir, "none.jsonl"));
        Assert.Equal(ExitCodes.BadInput, emptyCode);
        Assert.Contains($"{empty}: the folder holds no digests", emptyErr);
    }

    [Fact]
    public void A_clean_run_leaves_no_rejects_file_and_rejects_go_where_asked()
    {
        var output = Path.Combine(_dir, "scored.jsonl");
        File.WriteAllText(output + ".rejects.jsonl", "{\"stale\": \"from an earlier run\"}\n");

        var (code, _, stderr) = Score(RepoPaths.HeldOutDigest, "-o", output);

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Equal(112, File.ReadAllLines(output).Length);
        Assert.False(File.Exists(output + ".rejects.jsonl"), "a clean run leaves no rejects file (and removes a stale one)");

        var mixed = Path.Combine(_dir, "mixed.jsonl");
        File.WriteAllLines(mixed,
        [
            """{"id": "a", "title": "Unlearning copyrighted books", "abstract": "We remove memorized copyrighted text from a large language model without retraining it."}""",
            """{"id": "b", "title": "No abstract here"}""",
        ]);
        var rejects = Path.Combine(_dir, "elsewhere", "bad.jsonl");
        var (mixedCode, _, mixedErr) = Score(mixed, "-o", Path.Combine(_dir, "mixed-scored.jsonl"), "--rejects", rejects);

        Assert.Equal(ExitCodes.CompletedWithRejects, mixedCode);
        Assert.Contains($"(see {rejects})", mixedErr);
        Assert.Equal(2, JsonDocument.Parse(Assert.Single(File.ReadAllLines(rejects))).RootElement.GetProperty("line").GetInt64());
        Assert.False(File.Exists(Path.Combine(_dir, "mixed-scored.jsonl.rejects.jsonl")));
    }

    [Fact]
    public void Inputs_whose_every_record_is_rejected_exit_2_with_no_papers_whatever_their_format()
    {
        var digest = Path.Combine(_dir, "all-bad.txt");
        var bad = new byte[] { 0xE2, 0x28, 0xA1 };
        File.WriteAllBytes(digest, [.. System.Text.Encoding.UTF8.GetBytes("A title about routing in experts\nWe study "), .. bad, .. System.Text.Encoding.UTF8.GetBytes(" things in detail.\n")]);
        var jsonl = Path.Combine(_dir, "all-bad.jsonl");
        File.WriteAllLines(jsonl, ["""{"title": "only a title"}""", "not json"]);

        foreach (var input in new[] { digest, jsonl })
        {
            var output = Path.Combine(_dir, Path.GetFileName(input) + ".scored.jsonl");
            var (code, _, stderr) = Score(input, "-o", output);

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("no papers among", stderr);
            Assert.False(File.Exists(output), "no empty output for an input without papers");
        }
    }

    [Fact]
    public void The_output_format_comes_from_the_extension_and_an_unknown_one_is_an_error()
    {
        var (code, _, stderr) = Score(RepoPaths.HeldOutDigest, "-o", Path.Combine(_dir, "scored.xlsx"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("unknown output extension '.xlsx'", stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "scored.xlsx")));

        // Parquet by its extension (its content is checked with an independent reader in ParquetOutputTests); it is
        // written whole, so it cannot go to standard output or be resumed.
        var parquet = Path.Combine(_dir, "scored.parquet");
        Assert.Equal(ExitCodes.Ok, Score(RepoPaths.HeldOutDigest, "-o", parquet).Code);
        var bytes = File.ReadAllBytes(parquet);
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
        Assert.Contains("Parquet output needs a file", Score(RepoPaths.HeldOutDigest, "--format", "parquet").Err);
        Assert.Contains("a Parquet file is written whole", Score(RepoPaths.HeldOutDigest, "-o", parquet, "--resume").Err);

        var named = Path.Combine(_dir, "scored.txt");
        Assert.Equal(ExitCodes.Ok, Score(RepoPaths.HeldOutDigest, "-o", named, "--format", "csv").Code);
        Assert.StartsWith("id,title,digest,topic,probability,top", File.ReadLines(named).First());
    }

    [Fact]
    public void Digest_year_dates_digests_whose_date_line_has_none()
    {
        var (_, _, withoutYear) = Score(RepoPaths.HeldOutDigest, "-o", Path.Combine(_dir, "a.jsonl"));
        var (code, _, withYear) = Score(RepoPaths.HeldOutDigest, "-o", Path.Combine(_dir, "b.jsonl"), "--digest-year", "2024");

        Assert.Contains("has no year, so papers get no date; give the year to date them (score --digest-year, or data.digestYear in the recipe)", withoutYear);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.DoesNotContain("warning", withYear);
    }

    [Fact]
    public void Score_and_topics_default_to_the_recipes_model_like_evaluate()
    {
        var output = Path.Combine(_dir, "default-model.jsonl");

        var (code, _, stderr) = CliRunner.Run("score", "--recipe", fixture.Recipe.RecipePath, RepoPaths.HeldOutDigest, "-o", output);
        var (topicsCode, topicsOut, topicsErr) = CliRunner.Run("topics", "--recipe", fixture.Recipe.RecipePath);

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Equal(112, File.ReadAllLines(output).Length);
        Assert.True(topicsCode == ExitCodes.Ok, topicsErr);
        Assert.Contains("LDA topics (14", topicsOut);
    }
}
