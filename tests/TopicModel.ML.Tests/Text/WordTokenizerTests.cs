using TopicModel.ML.Text;

namespace TopicModel.ML.Tests.Text;

public class WordTokenizerTests
{
    [Fact]
    public void Tokens_are_runs_of_letters_and_digits()
    {
        Assert.Equal(["chain", "of", "thought", "gpt4", "s", "3", "5"], WordTokenizer.Tokens("chain-of-thought (GPT4's 3.5)".ToLowerInvariant()));
    }

    [Fact]
    public void Tokenize_reports_offsets_within_the_text()
    {
        var found = new List<(string, int)>();
        WordTokenizer.Tokenize("  ab, cd", (token, start) => found.Add((token.ToString(), start)));
        Assert.Equal([("ab", 2), ("cd", 6)], found);
    }

    [Fact]
    public void Keeping_punctuation_makes_each_mark_a_token()
    {
        var tokens = new List<string>();
        foreach (var token in WordTokenizer.EnumerateTokens("a+b, c.", keepPunctuation: true))
            tokens.Add(token.ToString());
        Assert.Equal(["a", "+", "b", ",", "c", "."], tokens);
    }

    [Fact]
    public void Empty_and_separator_only_texts_have_no_tokens()
    {
        Assert.Empty(WordTokenizer.Tokens(""));
        Assert.Empty(WordTokenizer.Tokens(" -- ; "));
    }
}
