using System.Text;
using System.Text.Json;
using TopicModel.DataPrep.Ingestion;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Ingestion;

public sealed class StdinAndFormatTests
{
    private static ForwardOnlyStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private static ReadResult Collect(IEnumerable<ReadItem> items)
    {
        var list = items.ToList();
        return new ReadResult(
            list.Where(i => i.Paper is not null).Select(i => i.Paper!).ToList(),
            list.Where(i => i.Rejected is not null).Select(i => i.Rejected!).ToList(),
            list.Where(i => i.Warning is not null).Select(i => i.Warning!).ToList());
    }

    [Fact]
    public void Stdin_digest_is_sniffed_and_named_stdin()
    {
        var result = Collect(PaperReader.Read(new ForwardOnlyStream(File.ReadAllBytes(RepoPaths.HeldOutDigest)), PaperReader.StdinPath, "stdin"));

        Assert.Equal(112, result.Papers.Count);
        Assert.All(result.Papers, p => Assert.Equal("stdin", p.Digest));
        Assert.Equal(PaperReader.StdinPath, Assert.Single(result.Warnings).File);
    }

    [Fact]
    public void Stdin_jsonl_is_sniffed_from_the_first_non_blank_character()
    {
        var json = "\n  " + JsonSerializer.Serialize(new { title = SyntheticDigest.Title(1), @abstract = SyntheticDigest.Abstract(1) }) + "\n";

        var paper = Assert.Single(Collect(PaperReader.Read(Bytes(json), PaperReader.StdinPath, "stdin")).Papers);

        Assert.Equal(SyntheticDigest.Title(1), paper.Title);
        Assert.Equal(2, paper.Line);
    }

    [Fact]
    public void Stdin_csv_is_sniffed_from_its_header()
    {
        var csv = "\"Title\",\"Abstract\"\nA Title,An abstract.\n";

        var paper = Assert.Single(Collect(PaperReader.Read(Bytes(csv), PaperReader.StdinPath, "stdin")).Papers);

        Assert.Equal("A Title", paper.Title);
    }

    [Fact]
    public void An_explicit_format_overrides_the_extension()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("papers.txt", "{\"title\": \"T\", \"abstract\": \"A\"}\n");

        var paper = Assert.Single(PaperReader.ReadFile(path, new ReaderOptions { Format = InputFormat.Jsonl }).Papers);

        Assert.Equal("T", paper.Title);
    }

    [Fact]
    public void An_unknown_extension_is_sniffed()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("papers.data", "title,abstract\nT,A\n");

        Assert.Equal("T", Assert.Single(PaperReader.ReadFile(path).Papers).Title);
    }

    [Fact]
    public void Read_all_keeps_file_order_and_each_files_digest_name()
    {
        using var dir = new TempDirectory();
        var jsonl = dir.Write("extra.jsonl", JsonSerializer.Serialize(new { title = "Extra", @abstract = "An abstract." }) + "\n");

        var result = PaperReader.ReadAll([RepoPaths.HeldOutDigest, jsonl, RepoPaths.TrainingDigest]);

        Assert.Equal(112 + 1 + 216, result.Papers.Count);
        Assert.Equal("extra", result.Papers[112].Digest);
        Assert.Equal("000_97cca7786c7f0218", result.Papers[^1].Digest);
        Assert.Equal(2, result.Warnings.Count);
    }
}
