using TopicModel.DataPrep.Labeling;

namespace TopicModel.DataPrep.Tests.Labeling;

public class InflectionsTests
{
    [Theory]
    [InlineData("agent", "agents")]
    [InlineData("memory", "memories")]
    [InlineData("verify", "verification")]
    [InlineData("evaluate", "evaluation")]
    [InlineData("evaluate", "evaluating")]
    [InlineData("plan", "planning")]
    [InlineData("edit", "edited")]
    [InlineData("correct", "correction")]
    [InlineData("distill", "distillation")]
    [InlineData("efficient", "efficiently")]
    [InlineData("improve", "improvement")]
    [InlineData("benchmark", "benchmarking")]
    [InlineData("use", "using")]
    [InlineData("api", "apis")]
    public void Keyword_words_expand_to_their_inflections(string word, string form)
    {
        Assert.Contains(form, Inflections.Of(word));
    }

    [Theory]
    [InlineData("api", "apied")]
    [InlineData("token", "tokenizer")]
    [InlineData("reasoning", "reason")]
    [InlineData("code", "coder")]
    [InlineData("agent", "agency")]
    public void Expansion_stays_clear_of_other_words(string word, string notAForm)
    {
        Assert.DoesNotContain(notAForm, Inflections.Of(word));
    }
}
