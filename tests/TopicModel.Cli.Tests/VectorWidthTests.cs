using TopicModel.TestSupport;

namespace TopicModel.Cli.Tests;

/// <summary>
/// A bundle scores to the same bytes whatever vector width the CPU offers: shards of one job run on mixed machines, and
/// a model is checked on one machine and used on another. The text features' norm used to be added in the order of the
/// widest vectors the CPU had (TensorPrimitives.Norm), and an AVX-512 host wrote other last digits than an AVX2 one.
/// </summary>
[Collection(TrainedCliCollection.Name)]
public sealed class VectorWidthTests(InterruptionFixture trained) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vector-width").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Avx512Fact]
    public void Scoring_with_AVX512_turned_off_writes_the_same_bytes()
    {
        var wide = Path.Combine(_dir, "avx512.jsonl");
        var narrow = Path.Combine(_dir, "avx2.jsonl");
        using (var cli = new CliProcess("score", "-m", trained.Recipe.BundlePath, trained.LargeInput, "-o", wide))
            Assert.Equal(1, cli.WaitForExit()); // the large input holds bad records: exit 1, rejects written
        using (var cli = new CliProcess(new Dictionary<string, string> { ["DOTNET_EnableAVX512"] = "0" },
                   "score", "-m", trained.Recipe.BundlePath, trained.LargeInput, "-o", narrow))
            Assert.Equal(1, cli.WaitForExit());

        var lines = File.ReadAllLines(wide);
        Assert.Equal(InterruptionFixture.LargeRecords - 21, lines.Length);
        Assert.Equal(lines, File.ReadAllLines(narrow));
    }
}
