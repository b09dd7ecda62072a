using TopicModel.ML.Text;

namespace TopicModel.ML.Tests.Text;

public class TokenAnalyzerTests
{
    [Fact]
    public void Default_analysis_folds_drops_stop_words_and_numbers()
    {
        var analyzer = new TokenAnalyzer();
        Assert.Equal(["naive", "bayes", "beats", "transformers", "tasks"],
            analyzer.Tokens("The Naïve Bayes beats Transformers on 3 of the 12 tasks"));
    }

    [Theory]
    [InlineData(NumberHandling.Keep, new[] { "gpt", "4", "scores", "2023" })]
    [InlineData(NumberHandling.Remove, new[] { "gpt", "scores" })]
    [InlineData(NumberHandling.Replace, new[] { "gpt", "<num>", "scores", "<num>" })]
    public void Numbers_are_kept_removed_or_replaced(NumberHandling numbers, string[] expected)
    {
        var analyzer = new TokenAnalyzer(new TextNormalizationOptions { Numbers = numbers });
        Assert.Equal(expected, analyzer.Tokens("GPT-4 scores in 2023"));
    }

    [Fact]
    public void Letters_with_digits_are_words_not_numbers()
    {
        Assert.Equal(["gpt4", "llama2"], new TokenAnalyzer().Tokens("GPT4 and Llama2"));
    }

    [Fact]
    public void Stop_words_case_and_diacritics_can_be_kept()
    {
        var keepAll = new TokenAnalyzer(new TextNormalizationOptions { RemoveStopWords = false, CaseFolding = false, RemoveDiacritics = false });
        Assert.Equal(["The", "Café", "of", "Paris"], keepAll.Tokens("The Café of Paris"));
        var keepCase = new TokenAnalyzer(new TextNormalizationOptions { RemoveStopWords = false, CaseFolding = false });
        Assert.Equal(["The", "Cafe", "of", "Paris"], keepCase.Tokens("The Café of Paris"));
    }

    [Fact]
    public void Punctuation_can_be_kept_as_tokens()
    {
        var analyzer = new TokenAnalyzer(new TextNormalizationOptions { KeepPunctuation = true });
        Assert.Equal(["c", "+", "+", "code", "?"], analyzer.Tokens("C++ code?"));
    }

    [Fact]
    public void Token_buffer_ranges_are_space_joined_n_grams()
    {
        var buffer = new TokenBuffer();
        new TokenAnalyzer().Analyze("Graph neural networks for the molecules", buffer);
        Assert.Equal(4, buffer.Count);
        Assert.Equal("graph neural networks", buffer.Range(0, 3).ToString());
        Assert.Equal("networks molecules", buffer.Range(2, 2).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Range(3, 2).ToString());
    }

    [Fact]
    public void Stop_word_lookup_works_on_spans()
    {
        Assert.True(StopWords.IsEnglish("the".AsSpan()));
        Assert.False(StopWords.IsEnglish("graph".AsSpan()));
        Assert.All(StopWords.English, word => Assert.Equal(TextNormalizer.Fold(word), word));
    }
}
