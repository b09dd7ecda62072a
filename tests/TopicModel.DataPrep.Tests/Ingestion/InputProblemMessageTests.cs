using System.Text;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Ingestion;

/// <summary>Whole-file problems get the message that names the real problem (issue 22, point 5 and 9).</summary>
public sealed class InputProblemMessageTests
{
    [Fact]
    public void A_digest_whose_every_paper_is_rejected_has_no_papers_like_a_jsonl_file()
    {
        using var dir = new TempDirectory();
        var bad = new byte[] { 0xE2, 0x28, 0xA1 };
        var bytes = new List<byte>();
        for (var i = 1; i <= 3; i++)
            bytes.AddRange([.. Encoding.UTF8.GetBytes(SyntheticDigest.Title(i) + "\nWe study "), .. bad, .. Encoding.UTF8.GetBytes(" things. Our results show more.\n")]);
        var path = dir.WriteBytes("all-bad.txt", [.. bytes]);

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Equal(path, e.File);
        Assert.StartsWith("no papers among 3 title + abstract pairs; the first problem: invalid UTF-8", e.Problem, StringComparison.Ordinal);
        Assert.Equal(2, e.Line);
    }

    [Theory]
    [InlineData("utf-16", "UTF-16LE")]
    [InlineData("utf-16BE", "UTF-16BE")]
    public void A_utf16_file_is_called_utf16_not_binary(string encoding, string named)
    {
        using var dir = new TempDirectory();
        var text = SyntheticDigest.Page(3);
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text);
        var withBom = dir.WriteBytes("bom.txt", [.. Encoding.GetEncoding(encoding).GetPreamble(), .. bytes]);
        var withoutBom = dir.WriteBytes("plain.txt", bytes);

        foreach (var path in new[] { withBom, withoutBom })
        {
            var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));
            Assert.Equal($"{named} text: save it as UTF-8", e.Problem);
        }
    }

    [Fact]
    public void A_tsv_file_is_an_unsupported_format_not_a_bad_digest()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("papers.tsv", "title\tabstract\nA title\tAn abstract that is long enough to be one.\nB\tC\n");

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.StartsWith("unsupported format '.tsv': give digests (.txt, .md), JSON Lines (.jsonl, .ndjson) or CSV (.csv)", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_syntax_error_gives_one_line_number()
    {
        using var dir = new TempDirectory();
        var lines = File.ReadAllLines(RepoPaths.Taxonomy).ToList();
        lines.Insert(3, "  \"broken\" 1,");
        var path = dir.Write("taxonomy.json", string.Join('\n', lines));

        var e = Assert.Throws<TopicModelException>(() => TaxonomyReader.Read(path));

        Assert.Equal(4, e.Line);
        Assert.StartsWith($"{path}:4: not valid JSON: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", e.Message, StringComparison.Ordinal);
        Assert.Contains("(at byte 12 of the line)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_and_globs_expand_to_their_supported_files_in_sorted_order()
    {
        using var dir = new TempDirectory();
        var b = dir.Write("b.txt", "x");
        var a = dir.Write("a.jsonl", "x");
        dir.Write("notes.pdf", "x");
        dir.Write(".hidden.txt", "x");
        Directory.CreateDirectory(Path.Combine(dir.Path, "sub"));
        var c = dir.Write(Path.Combine("sub", "c.csv"), "x");

        Assert.Equal([a, b, c], InputFiles.Expand([dir.Path]));
        Assert.Equal([a, b], InputFiles.Expand([Path.Combine(dir.Path, "*.*")]));
        Assert.Equal([b, c, "-"], InputFiles.Expand([Path.Combine(dir.Path, "**", "*.txt"), c, "-"]));

        var empty = Directory.CreateDirectory(Path.Combine(dir.Path, "empty")).FullName;
        Assert.Contains("the folder holds no digests", Assert.Throws<TopicModelException>(() => InputFiles.Expand([empty])).Message);
        Assert.Contains("no digests, JSONL or CSV files match this pattern", Assert.Throws<TopicModelException>(() => InputFiles.Expand([Path.Combine(dir.Path, "*.md")])).Message);
        Assert.Contains("input file not found", Assert.Throws<TopicModelException>(() => InputFiles.Expand([Path.Combine(dir.Path, "nope.txt")])).Message);
    }
}
