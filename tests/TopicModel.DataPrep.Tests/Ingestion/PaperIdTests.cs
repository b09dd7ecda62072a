using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TopicModel.DataPrep.Papers;
using TopicModel.ML.Text;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Ingestion;

public sealed class PaperIdTests
{
    /// <summary>The reviewed labels store each paper's id beside its title, as an earlier <see cref="PaperId"/> computed it.</summary>
    [Fact]
    public void Every_reviewed_label_title_gets_the_id_stored_with_it()
    {
        var checkedIds = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Data, "labels"), "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                using var label = JsonDocument.Parse(line);
                var id = label.RootElement.GetProperty("id").GetString()!;
                var title = label.RootElement.GetProperty("title").GetString()!;
                Assert.True(PaperId.FromTitle(title) == id, $"{Path.GetFileName(file)}: {title} is not {id}");
                checkedIds++;
            }
        }
        Assert.True(checkedIds > 1000, $"only {checkedIds} labels");
    }

    /// <summary>
    /// Odd titles (diacritics, ligatures, non-Latin script, only punctuation, empty, longer than the stack buffer) against
    /// the definition written out: SHA-256 of the UTF-8 of the canonical title built as a string, first 12 hex digits.
    /// </summary>
    [Theory]
    [InlineData("Attention Is All You Need")]
    [InlineData("  Café  au   LAIT: ﬁne-tuning Straße — Ærø ")]
    [InlineData("Ｆｕｌｌｗｉｄｔｈ ＴＩＴＬＥ and Ελληνικά 日本語 😀 e\u0301")]
    [InlineData("?!…")]
    [InlineData("")]
    [InlineData("x")]
    public void Ids_follow_the_definition(string title)
    {
        Assert.Equal(Definition(title), PaperId.FromTitle(title));
        Assert.Equal(CanonicalDefinition(title), TextNormalizer.Canonical(title));
    }

    [Fact]
    public void Long_and_random_titles_follow_the_definition()
    {
        var random = new Random(5);
        const string alphabet = "abcXYZ019 -_.,:;Éèßﬁœ日😀\u0301\t";
        for (var i = 0; i < 500; i++)
        {
            var length = i < 20 ? 1000 + i * 137 : random.Next(0, 200);
            var title = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Definition(title), PaperId.FromTitle(title));
            Assert.Equal(CanonicalDefinition(title), TextNormalizer.Canonical(title));
        }
    }

    /// <summary>Readers make papers whose id is computed when first read (<see cref="Paper.FromInput"/>); nothing else may differ.</summary>
    [Fact]
    public void A_paper_read_from_an_input_has_its_title_id_and_equals_the_same_paper_made_with_it()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("paper-id").FullName, "in.jsonl");
        File.WriteAllText(path, """
            {"title": "Café Straße: ﬁne-tuning", "abstract": "An abstract.", "id": "2501.00001"}
            {"title": "No Id Here", "abstract": "Another abstract."}
            """);
        try
        {
            foreach (var options in new[] { TopicModel.DataPrep.Ingestion.ReaderOptions.Default, TopicModel.DataPrep.Ingestion.ReaderOptions.Default with { DeferJsonlParsing = true } })
            {
                var papers = TopicModel.DataPrep.Ingestion.PaperReader.Read(path, options)
                    .Select(item => item.Line is { } line ? line.Parse() : item).Select(item => item.Paper!).ToArray();
                Assert.Equal(2, papers.Length);
                foreach (var lazy in papers)
                {
                    var eager = new Paper(PaperId.FromTitle(lazy.Title), lazy.Title, lazy.Abstract, lazy.Digest, lazy.Date, lazy.SourceId, lazy.Line);
                    // The same hash and equal before the lazy one's id was read (each computes it).
                    Assert.Equal(eager.GetHashCode(), lazy.GetHashCode());
                    Assert.Equal(eager, lazy with { });
                    Assert.Equal(eager, lazy);
                    Assert.Equal(Definition(lazy.Title), lazy.Id);
                    Assert.Equal(eager.ToString(), lazy.ToString());
                    Assert.NotEqual(eager, lazy with { Line = 99 });
                    Assert.NotEqual(eager, eager with { Id = "000000000000" });
                }
                Assert.Equal("2501.00001", papers[0].SourceId);
                Assert.Null(papers[1].SourceId);
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private static string Definition(string title) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalDefinition(title))))[..12];

    /// <summary>Folded, then every run of characters other than [a-z0-9] one space, trimmed.</summary>
    private static string CanonicalDefinition(string title)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in TextNormalizer.Fold(title) + " ")
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') word.Append(c);
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        return string.Join(' ', words);
    }
}
