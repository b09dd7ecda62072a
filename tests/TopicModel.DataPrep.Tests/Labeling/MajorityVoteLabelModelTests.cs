using TopicModel.DataPrep.Labeling;

namespace TopicModel.DataPrep.Tests.Labeling;

public class MajorityVoteLabelModelTests
{
    private static readonly string[] Classes = ["a", "b", "c"];

    [Fact]
    public void Probabilities_are_vote_shares()
    {
        var matrix = LabelMatrix.FromVotes(new[,] { { 0, 0, 1, -1 } }, Classes);

        var label = new MajorityVoteLabelModel().Fit(matrix).Predict(matrix)[0]!;

        Assert.Equal("a", label.Topic);
        Assert.Equal([2f / 3, 1f / 3, 0f], label.Probabilities);
        Assert.Equal(["lf0", "lf1", "lf2"], label.FiredFunctions);
    }

    [Fact]
    public void Ties_go_to_the_class_with_more_functions_then_to_the_first_class()
    {
        // Row 0: class c has 2 hits from one function, class b 1+1 from two functions: equal weight, b has more support.
        // Row 1: one vote each for c and b: full tie, b comes first.
        var matrix = new LabelMatrix(
            ["p0", "p1"], ["f0", "f1", "f2"], [1.0, 1.0, 1.0], Classes,
            [2, 1, 1, /* */ 2, 1, -1],
            [2, 1, 1, /* */ 1, 1, 0],
            [PaperEvidence.None("p0"), PaperEvidence.None("p1")],
            fallbackClass: -1);

        var labels = new MajorityVoteLabelModel().Fit(matrix).Predict(matrix);

        Assert.Equal("b", labels[0]!.Topic);
        Assert.Equal(0.5f, labels[0]!.Probabilities[2]);
        Assert.Equal("b", labels[1]!.Topic);
        Assert.Equal([0f, 0.5f, 0.5f], labels[1]!.Probabilities);
    }

    [Fact]
    public void Hits_and_function_weights_count_unless_switched_off()
    {
        // A title function (weight 2.5) for c against two abstract functions for a.
        var matrix = new LabelMatrix(
            ["p0"], ["title", "abs1", "abs2"], [2.5, 1.0, 1.0], Classes,
            [2, 0, 0], [1, 1, 1], [PaperEvidence.None("p0")], fallbackClass: -1);

        Assert.Equal("c", new MajorityVoteLabelModel().Fit(matrix).Predict(matrix)[0]!.Topic);
        Assert.Equal("a", new MajorityVoteLabelModel(new MajorityVoteOptions(UseFunctionWeights: false)).Fit(matrix).Predict(matrix)[0]!.Topic);

        // Three keyword hits for c against two single-hit votes for a.
        var hits = new LabelMatrix(
            ["p0"], ["f0", "f1", "f2"], [1.0, 1.0, 1.0], Classes,
            [2, 0, 0], [3, 1, 1], [PaperEvidence.None("p0")], fallbackClass: -1);
        Assert.Equal("c", new MajorityVoteLabelModel().Fit(hits).Predict(hits)[0]!.Topic);
        Assert.Equal("a", new MajorityVoteLabelModel(new MajorityVoteOptions(WeightByHits: false)).Fit(hits).Predict(hits)[0]!.Topic);
    }

    [Fact]
    public void Function_estimates_are_agreement_with_the_majority_and_coverage()
    {
        var matrix = LabelMatrix.FromVotes(new[,] { { 0, 0, 1 }, { 1, 1, -1 }, { 0, -1, -1 }, { -1, -1, -1 } }, Classes);

        var estimates = new MajorityVoteLabelModel().Fit(matrix).Functions;

        Assert.Equal(new LabelingFunctionEstimate("lf0", 1.0, 0.75), estimates[0]);
        Assert.Equal(new LabelingFunctionEstimate("lf1", 1.0, 0.5), estimates[1]);
        Assert.Equal(new LabelingFunctionEstimate("lf2", 0.0, 0.25), estimates[2]);
    }
}
