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
        // A mid-length, half-capitalized line without sentence punctuation leans only slightly to title on its
        // own; between two clear titles it is the first one's abstract.
        const string Ambiguous = "Towards Robust Evaluation of Retrieval Augmented Generation across many domains, languages and question types, with a benchmark and careful human annotation of answers";
        Assert.InRange(TitleAbstractTagger.TitleLogOdds(Ambiguous, 300), 0.01, 1.5);
        string[] lines = [SyntheticDigest.Title(1), Ambiguous, SyntheticDigest.Title(2), SyntheticDigest.Abstract(2)];

        Assert.Equal([true, false, true, false], TitleAbstractTagger.Tag(lines, 300));
    }

    [Fact]
    public void Two_clear_titles_in_a_row_stay_titles()
    {
        string[] lines = [SyntheticDigest.Title(1), SyntheticDigest.Abstract(1), SyntheticDigest.Title(2), SyntheticDigest.Title(3), SyntheticDigest.Abstract(3)];

        Assert.Equal([true, false, true, true, false], TitleAbstractTagger.Tag(lines, 300));
    }

    [Fact]
    public void A_question_title_in_prose_style_between_abstracts_stays_a_title()
    {
        const string Question = "Have we unified image generation and understanding yet? An empirical study of image generation ability";
        string[] lines = [SyntheticDigest.Title(1), SyntheticDigest.Abstract(1), Question, SyntheticDigest.Abstract(2), SyntheticDigest.Title(3), SyntheticDigest.Abstract(3)];

        Assert.Equal([true, false, true, false, true, false], TitleAbstractTagger.Tag(lines, 300));
    }
}
