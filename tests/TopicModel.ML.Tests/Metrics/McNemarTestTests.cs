using TopicModel.ML.Metrics;

namespace TopicModel.ML.Tests.Metrics;

public class McNemarTestTests
{
    [Fact]
    public void Agresti_presidential_approval_table_gives_the_textbook_statistic()
    {
        // Agresti, Categorical Data Analysis, table 10.1: approval at two surveys, 794 / 150 / 86 / 570.
        var test = McNemarTest.FromCounts(794, 150, 86, 570);

        Assert.Equal(63.0 * 63 / 236, test.ChiSquare, 1e-12); // (|150 − 86| − 1)² / 236 = 16.82
        Assert.Equal(4.1145622813e-5, test.ChiSquarePValue, 1e-13);
        Assert.True(test.ExactPValue < 1e-4);
    }

    [Fact]
    public void Exact_p_value_is_the_two_sided_binomial_tail()
    {
        var test = McNemarTest.FromCounts(10, 1, 7, 2);

        // 2 · (C(8,0) + C(8,1)) / 2^8
        Assert.Equal(2.0 * (1 + 8) / 256, test.ExactPValue, 1e-12);
        Assert.Equal(25.0 / 8, test.ChiSquare, 1e-12);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    public void Balanced_discordant_pairs_give_p_value_one(int onlyBaseline, int onlyCandidate)
    {
        var test = McNemarTest.FromCounts(20, onlyBaseline, onlyCandidate, 3);

        Assert.Equal(1, test.ExactPValue);
        Assert.Equal(0, test.ChiSquare);
        Assert.Equal(1, test.ChiSquarePValue);
    }

    [Fact]
    public void Outcomes_are_tabulated_and_checked()
    {
        var test = McNemarTest.FromOutcomes([true, true, false, false, true], [true, false, true, false, false]);

        Assert.Equal((1, 2, 1, 1), (test.BothCorrect, test.OnlyBaselineCorrect, test.OnlyCandidateCorrect, test.BothWrong));
        Assert.Throws<TopicModelException>(() => McNemarTest.FromOutcomes([true], [true, false]));
        Assert.Throws<TopicModelException>(() => McNemarTest.FromCounts(1, -1, 0, 0));
    }
}
