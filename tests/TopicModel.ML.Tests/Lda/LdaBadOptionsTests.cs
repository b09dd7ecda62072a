using TopicModel.ML.Lda;

namespace TopicModel.ML.Tests.Lda;

public class LdaBadOptionsTests
{
    [Theory]
    [InlineData(0, "NumberOfTopics must be at least 1, got 0")]
    [InlineData(-3, "NumberOfTopics must be at least 1, got -3")]
    public void Zero_or_negative_topics_are_rejected(int topics, string message)
    {
        var e = Assert.Throws<TopicModelException>(() => new LatentDirichletAllocation(new LatentDirichletAllocationOptions { NumberOfTopics = topics }));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Other_bad_options_name_the_option()
    {
        Assert.Contains("AlphaSum", Assert.Throws<TopicModelException>(() => new LatentDirichletAllocation(new() { AlphaSum = 0 })).Message);
        Assert.Contains("Beta", Assert.Throws<TopicModelException>(() => new LatentDirichletAllocation(new() { Beta = double.NaN })).Message);
        Assert.Contains("MaximumDocumentFrequency", Assert.Throws<TopicModelException>(() => new LatentDirichletAllocation(new() { MaximumDocumentFrequency = 1.5 })).Message);
        Assert.Contains("seed topic 'x' has id 14", Assert.Throws<TopicModelException>(() =>
            new LatentDirichletAllocation(new() { SeedTopics = [new SeedTopic(14, "x", ["a"])] })).Message);
    }

    [Fact]
    public void An_empty_corpus_is_rejected()
    {
        var lda = new LatentDirichletAllocation();
        Assert.Contains("corpus is empty", Assert.Throws<TopicModelException>(() => lda.Fit([])).Message);
        Assert.Contains("corpus is empty", Assert.Throws<TopicModelException>(() => lda.FitTokens([])).Message);
    }

    [Fact]
    public void A_vocabulary_pruned_to_nothing_is_rejected_with_the_rules_that_pruned_it()
    {
        // Every word is in one document only, below the minimum document count of 2.
        var lda = new LatentDirichletAllocation(new LatentDirichletAllocationOptions { MinimumDocumentCount = 2 });
        var e = Assert.Throws<TopicModelException>(() => lda.Fit(["alpha beta gamma", "delta epsilon zeta", "the of and"]));
        Assert.Contains("vocabulary is empty after pruning", e.Message);
        Assert.Contains("6 distinct terms in 3 documents; 6 in fewer than 2 documents (MinimumDocumentCount)", e.Message);
    }
}
