using TopicModel.DataPrep.Labeling;
using TopicModel.ML;

namespace TopicModel.DataPrep.Tests.Labeling;

public class LabelMatrixTests
{
    [Fact]
    public void Rows_expose_votes_hits_coverage_and_fired_functions()
    {
        var matrix = LabelMatrix.FromVotes(new[,] { { 1, -1, 0 }, { -1, -1, -1 } }, ["a", "b"]);

        Assert.Equal([1, -1, 0], matrix.Votes(0).ToArray());
        Assert.Equal([1, 0, 1], matrix.HitsOf(0).ToArray());
        Assert.True(matrix.IsCovered(0));
        Assert.False(matrix.IsCovered(1));
        Assert.Equal(["lf0", "lf2"], matrix.FiredFunctions(0));
        Assert.Equal((2, 3, 2), (matrix.PaperCount, matrix.FunctionCount, matrix.ClassCount));
    }

    [Fact]
    public void Inconsistent_matrices_are_rejected_with_the_offending_cell()
    {
        var outOfRange = Assert.Throws<TopicModelException>(() => LabelMatrix.FromVotes(new[,] { { 0, 2 } }, ["a", "b"]));
        Assert.Contains("function 'lf1': vote 2", outOfRange.Message);

        var hitsWithoutVote = Assert.Throws<TopicModelException>(() => new LabelMatrix(
            ["p0"], ["f0"], [1.0], ["a", "b"], [-1], [3], [PaperEvidence.None("p0")], -1));
        Assert.Contains("3 hits do not fit vote -1", hitsWithoutVote.Message);

        Assert.Contains("unique", Assert.Throws<TopicModelException>(() => new LabelMatrix(
            ["p0"], ["f", "f"], [1.0, 1.0], ["a", "b"], [0, 0], [1, 1], [PaperEvidence.None("p0")], -1)).Message);
        Assert.Contains("fallback class 5", Assert.Throws<TopicModelException>(() => LabelMatrix.FromVotes(new[,] { { 0 } }, ["a", "b"], fallbackClass: 5)).Message);
    }
}
