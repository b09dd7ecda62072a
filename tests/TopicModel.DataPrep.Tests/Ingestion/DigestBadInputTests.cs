using System.Text;
using TopicModel.DataPrep.Ingestion;
using TopicModel.ML;

namespace TopicModel.DataPrep.Tests.Ingestion;

public sealed class DigestBadInputTests
{
    private static readonly string Header = "Get trending papers in your email inbox!\nSubscribe\n";

    private static string Pairs(params int[] ids) =>
        string.Concat(ids.Select(i => $"{SyntheticDigest.Title(i)}\n{SyntheticDigest.Abstract(i)}\n"));

    [Fact]
    public void Missing_file_is_an_error_naming_it()
    {
        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile("/no/such/digest.txt"));

        Assert.Equal("/no/such/digest.txt", e.File);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_not_an_input()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(dir.Path));

        Assert.Contains("directory", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n\t\n")]
    public void Empty_file_is_an_error(string text)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("empty.txt", text);

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Equal(path, e.File);
        Assert.Matches("empty", e.Message);
    }

    [Fact]
    public void A_digest_with_headers_but_no_papers_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("headers.txt", "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nMar 14\n");

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Contains("no paper lines", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nul_bytes_mean_binary_and_the_error_gives_the_line()
    {
        using var dir = new TempDirectory();
        var bytes = Encoding.UTF8.GetBytes("line one\nline two\nbin").Concat(new byte[] { 0, 1, 2, 0 }).ToArray();
        var path = dir.WriteBytes("bin.txt", bytes);

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Random_bytes_are_binary()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0) bytes[i] = 0xFF; // no NUL: the other tests must catch it
        }
        var path = dir.WriteBytes("noise.txt", bytes);

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_code_is_not_a_digest()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("Program.txt", """
            using System;
            using System.Linq;

            namespace Demo;

            public static class Program
            {
                // Entry point. Prints the arguments. Nothing else happens here.
                public static void Main(string[] args)
                {
                    foreach (var a in args.Where(a => a.Length > 0))
                        Console.WriteLine(a);
                }
            }
            """);

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Equal(path, e.File);
        Assert.Contains("digest", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void A_csv_without_the_columns_given_as_a_digest_is_not_a_digest()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("table.txt", "name,price,stock\nwidget,3,10\ngadget,4,0\nsprocket,1,99\n");

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Contains("digest", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_without_abstract_is_rejected_at_its_line_and_reading_goes_on()
    {
        using var dir = new TempDirectory();
        // lines: 1-2 header, 3-4 paper 1, 5 lone title, 6-7 paper 2, 8-9 paper 3
        var path = dir.Write("gap.txt", Header + Pairs(1) + SyntheticDigest.Title(99) + "\n" + Pairs(2, 3));

        var result = PaperReader.ReadFile(path);

        Assert.Equal([SyntheticDigest.Title(1), SyntheticDigest.Title(2), SyntheticDigest.Title(3)], result.Papers.Select(p => p.Title));
        Assert.Equal([3L, 6, 8], result.Papers.Select(p => p.Line));
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(5, reject.Line);
        Assert.Equal(SyntheticDigest.Title(99), reject.Raw);
        Assert.Contains("title has no abstract", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_without_abstract_at_the_end_is_rejected()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("tail.txt", Header + Pairs(1, 2) + SyntheticDigest.Title(3));

        var result = PaperReader.ReadFile(path);

        Assert.Equal(2, result.Papers.Count);
        Assert.Equal(7, Assert.Single(result.Rejects).Line);
    }

    [Fact]
    public void An_abstract_without_title_is_rejected_at_its_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("orphan.txt", Header + Pairs(1) + SyntheticDigest.Abstract(50) + "\n" + Pairs(2, 3));

        var result = PaperReader.ReadFile(path);

        Assert.Equal(3, result.Papers.Count);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(5, reject.Line);
        Assert.Contains("abstract without a title", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_rejects_the_paper_on_that_line_and_keeps_the_others()
    {
        using var dir = new TempDirectory();
        var before = Encoding.UTF8.GetBytes(Header + Pairs(1) + SyntheticDigest.Title(2) + "\nWe study ");
        var bad = new byte[] { 0xE2, 0x28, 0xA1 };
        var after = Encoding.UTF8.GetBytes(" things. Our results show more. We release code.\n" + Pairs(3));
        var path = dir.WriteBytes("utf8.txt", [.. before, .. bad, .. after]);

        var result = PaperReader.ReadFile(path);

        Assert.Equal([SyntheticDigest.Title(1), SyntheticDigest.Title(3)], result.Papers.Select(p => p.Title));
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(6, reject.Line);
        Assert.Contains("invalid UTF-8 at byte 10", reject.Reason, StringComparison.Ordinal);
        Assert.Contains("title at line 5", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_line_is_rejected_with_its_line_and_not_kept_whole()
    {
        using var dir = new TempDirectory();
        var longAbstract = string.Concat(Enumerable.Repeat("We measure a thing. ", 200));
        var path = dir.Write("long.txt", Header + Pairs(1) + SyntheticDigest.Title(2) + "\n" + longAbstract + "\n" + Pairs(3));

        var result = PaperReader.ReadFile(path, new ReaderOptions { MaxLineLength = 1000, MaxRawLength = 50 });

        Assert.Equal([SyntheticDigest.Title(1), SyntheticDigest.Title(3)], result.Papers.Select(p => p.Title));
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(6, reject.Line);
        Assert.Contains("MaxLineLength", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(51, reject.Raw.Length);
    }

    [Fact]
    public void A_digest_above_the_size_limit_is_an_error()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("big.txt", SyntheticDigest.Page(20));

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path, new ReaderOptions { MaxDigestBytes = 2000 }));

        Assert.Contains(nameof(ReaderOptions.MaxDigestBytes), e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.File);
    }

    [Fact]
    public void A_digest_on_stdin_above_the_size_limit_fails_at_the_line_that_crosses_it()
    {
        var stream = new ForwardOnlyStream(Encoding.UTF8.GetBytes(SyntheticDigest.Page(20)));

        var e = Assert.Throws<TopicModelException>(() =>
            PaperReader.Read(stream, PaperReader.StdinPath, "stdin", new ReaderOptions { MaxDigestBytes = 2000 }).ToList());

        Assert.NotNull(e.Line);
        Assert.True(e.Line > 9);
    }

    [Fact]
    public void Jsonl_in_a_txt_file_fails_with_a_hint_about_the_format()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("papers.txt", string.Concat(Enumerable.Range(1, 3).Select(i =>
            $"{{\"title\": \"{SyntheticDigest.Title(i)}\", \"abstract\": \"{SyntheticDigest.Abstract(i)}\"}}\n")));

        var e = Assert.Throws<TopicModelException>(() => PaperReader.ReadFile(path));

        Assert.Contains("looks like JSONL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_line_endings_bom_and_extra_spaces_are_normalized()
    {
        using var dir = new TempDirectory();
        var text = "\uFEFF" + SyntheticDigest.Page(2).Replace("\n", "\r\n").Replace("Task 1:", "Task  1:\t");
        var path = dir.Write("crlf.md", text);

        var papers = PaperReader.ReadFile(path).Papers;

        Assert.Equal(2, papers.Count);
        Assert.Equal(SyntheticDigest.Title(1).Replace("Task 1:", "Task 1:"), papers[0].Title);
        Assert.DoesNotContain('\r', papers[1].Abstract);
    }

    [Fact]
    public void Glued_text_is_only_stripped_from_the_first_title_and_only_before_a_new_word()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("glue.txt",
            "SubscribeiFlyBot-VLA Technical Report\n" + SyntheticDigest.Abstract(1) + "\n" +
            "Subscribers and Followers: Modeling Social Graphs\n" + SyntheticDigest.Abstract(2) + "\n" +
            "SubscribeLater Is Not a Header Here\n" + SyntheticDigest.Abstract(3) + "\n");

        var result = PaperReader.ReadFile(path);

        Assert.Equal(["iFlyBot-VLA Technical Report", "Subscribers and Followers: Modeling Social Graphs", "SubscribeLater Is Not a Header Here"],
            result.Papers.Select(p => p.Title));
        Assert.Equal(1, Assert.Single(result.Warnings).Line);
    }

    [Theory]
    [InlineData("Subscribers and Followers: Modeling Social Graphs")]
    [InlineData("Subscribe to Nothing: Opting Out of Recommendations")]
    public void A_first_title_that_merely_starts_like_boilerplate_is_kept(string title)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("first.txt", $"Subscribe\n{title}\n{SyntheticDigest.Abstract(1)}\n");

        var result = PaperReader.ReadFile(path);

        Assert.Equal(title, Assert.Single(result.Papers).Title);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("March 14, 2024", 2024, 3, 14)]
    [InlineData("2025-02-26", 2025, 2, 26)]
    [InlineData("14 Mar 2023", 2023, 3, 14)]
    public void A_header_date_with_a_year_dates_every_paper(string line, int year, int month, int day)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("dated.txt", SyntheticDigest.Page(3, line));

        var result = PaperReader.ReadFile(path, new ReaderOptions { DigestYear = 1999 });

        Assert.All(result.Papers, p => Assert.Equal(new DateOnly(year, month, day), p.Date));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Bad_options_fail_clearly()
    {
        Assert.Contains("MaxLineLength", Assert.Throws<TopicModelException>(
            () => PaperReader.Read("x.txt", new ReaderOptions { MaxLineLength = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("DigestYear", Assert.Throws<TopicModelException>(
            () => PaperReader.Read("x.txt", new ReaderOptions { DigestYear = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("Format", Assert.Throws<TopicModelException>(
            () => PaperReader.Read("x.txt", new ReaderOptions { Format = (InputFormat)42 })).Message, StringComparison.Ordinal);
    }
}
