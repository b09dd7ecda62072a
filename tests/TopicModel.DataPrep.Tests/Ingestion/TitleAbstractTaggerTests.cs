using TopicModel.DataPrep.Ingestion;

namespace TopicModel.DataPrep.Tests.Ingestion;

public sealed class TitleAbstractTaggerTests
{
    [Fact]
    public void Titles_score_as_titles_and_abstracts_as_abstracts()
    {
        Assert.True(TitleAbstractTagger.TitleLogOdds(SyntheticDigest.Title(1), 300) > 0);
        Assert.True(TitleAbstractTagger.TitleLogOdds("Are Large Language Models Post Hoc Explainers?", 300) > 0);
        Assert.True(TitleAbstractTagger.TitleLogOdds(SyntheticDigest.Abstract(1), 300) < 0);
        Assert.True(TitleAbstractTagger.TitleLogOdds("We show that it works.", 300) < 0);
        Assert.True(TitleAbstractTagger.TitleLogOdds(new string('A', 301), 300) < -10);
    }

    [Fact]
    public void Structure_settles_a_short_abstract_that_looks_like_a_title()
    {
        // A short line without sentence punctuation leans title on its own; between two titles it is the first one's abstract.
        const string Ambiguous = "A short note on reproducibility";
        Assert.True(TitleAbstractTagger.TitleLogOdds(Ambiguous, 300) > 0);
        string[] lines = [SyntheticDigest.Title(1), Ambiguous, SyntheticDigest.Title(2), SyntheticDigest.Abstract(2)];

        Assert.Equal([true, false, true, false], TitleAbstractTagger.Tag(lines, 300));
    }

    [Fact]
    public void Two_clear_titles_in_a_row_stay_titles()
    {
        string[] lines = [SyntheticDigest.Title(1), SyntheticDigest.Abstract(1), SyntheticDigest.Title(2), SyntheticDigest.Title(3), SyntheticDigest.Abstract(3)];

        Assert.Equal([true, false, true, true, false], TitleAbstractTagger.Tag(lines, 300));
    }
}
