using System.Text.Json;
using TopicModel.DataPrep.Ingestion;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Ingestion;

public sealed class TextCleanerTests
{
    /// <summary>The rule, spelled the plain way: split on every char.IsWhiteSpace char, join the words with one space.</summary>
    private static string Oracle(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Every title and abstract string of the shipped corpus and forward files, as their JSON holds them (before any cleaning).</summary>
    private static IEnumerable<string> RealTexts()
    {
        string[] files = [
            Path.Combine(RepoPaths.Data, "corpus", "arxiv-cs-2025.jsonl"),
            Path.Combine(RepoPaths.Data, "corpus", "hf-daily-papers-2025.jsonl"),
            Path.Combine(RepoPaths.Data, "forward", "forward-2026.jsonl"),
        ];
        foreach (var line in files.SelectMany(File.ReadLines).Where(l => l.Length > 0))
        {
            using var record = JsonDocument.Parse(line);
            foreach (var field in new[] { "title", "abstract" })
                if (record.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String) yield return value.GetString()!;
        }
    }

    [Fact]
    public void Real_titles_and_abstracts_clean_like_the_plain_rule()
    {
        var texts = RealTexts().ToArray();
        Assert.True(texts.Length > 14_000, $"read only {texts.Length} texts");
        foreach (var text in texts)
        {
            var clean = TextCleaner.Clean(text);
            Assert.Equal(Oracle(text), clean);
            // The shipped files are clean already: the text itself comes back, no copy.
            Assert.Same(text, clean);
        }
        // The same texts as a careless export writes them: line breaks, tabs and doubled spaces between the words.
        foreach (var text in texts.Take(2000))
        {
            var messy = "\t" + text.Replace(" ", "  ").Replace(". ", ".\r\n") + "\n";
            Assert.Equal(Oracle(messy), TextCleaner.Clean(messy));
        }
    }

    [Fact]
    public void Every_kind_of_whitespace_is_found_wherever_it_stands()
    {
        var spaces = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray();
        Assert.Contains('\u3000', spaces);
        // A real abstract (long enough for the vectorized search's whole-vector and tail paths) with one whitespace
        // char, or a plain space doubled, put at the start, inside, near the end and at the end.
        var text = RealTexts().First(t => t.Length > 200 && TextCleaner.Clean(t) == t);
        foreach (var space in spaces)
        {
            foreach (var at in new[] { 0, 1, 17, text.Length / 2, text.Length - 3, text.Length })
            {
                foreach (var insert in new[] { space.ToString(), $" {space}", $"{space} " })
                {
                    var dirty = text.Insert(at, insert);
                    Assert.Equal(Oracle(dirty), TextCleaner.Clean(dirty));
                }
            }
        }
        Assert.Same(text, TextCleaner.Clean(text));
    }
}
