using TopicModel.ML.Metrics;

namespace TopicModel.ML.Tests.Metrics;

public class MulticlassPredictionsTests
{
    private static readonly string[] Names = ["x", "y", "z"];

    [Fact]
    public void Empty_input_fails_clearly()
    {
        var error = Assert.Throws<TopicModelException>(() => MulticlassPredictions.Create([], Array.Empty<float[]>(), Names));
        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData(new[] { 0, 3 }, "true class 3 is out of range")]
    [InlineData(new[] { 0, -1 }, "true class -1 is out of range")]
    public void Labels_out_of_range_name_the_example(int[] labels, string expected)
    {
        float[][] rows = [[1f, 0f, 0f], [0f, 1f, 0f]];
        var error = Assert.Throws<TopicModelException>(() => MulticlassPredictions.Create(labels, rows, Names));
        Assert.Contains("example 2", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_row_of_the_wrong_length_fails_with_its_position()
    {
        float[][] rows = [[1f, 0f, 0f], [0.5f, 0.5f]];
        var error = Assert.Throws<TopicModelException>(() => MulticlassPredictions.Create([0, 1], rows, Names));
        Assert.Contains("example 2", error.Message);
        Assert.Contains("expected 3", error.Message);
    }

    [Fact]
    public void A_flat_array_of_the_wrong_size_fails()
    {
        var error = Assert.Throws<TopicModelException>(() => MulticlassPredictions.Create([0, 1], new float[5], Names));
        Assert.Contains("expected 6", error.Message);
    }

    [Theory]
    [InlineData(2f, -1f, 0f, "must be in [0, 1]")]
    [InlineData(float.NaN, 0.5f, 0.5f, "must be in [0, 1]")]
    [InlineData(3f / 4, 1f / 4, 1f / 4, "sum to 1.25")]
    public void Rows_that_are_not_probabilities_fail(float a, float b, float c, string expected)
    {
        float[][] rows = [[a, b, c]];
        var error = Assert.Throws<TopicModelException>(() => MulticlassPredictions.Create([0], rows, Names));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Class_names_must_be_distinct_and_at_least_two()
    {
        float[][] rows = [[0.5f, 0.5f]];
        Assert.Contains("more than once", Assert.Throws<TopicModelException>(() => MulticlassPredictions.Create([0], rows, ["x", "x"])).Message);
        Assert.Contains("at least 2", Assert.Throws<TopicModelException>(() => MulticlassPredictions.Create([0], new[] { new[] { 1f } }, ["x"])).Message);
    }

    [Fact]
    public void Secondary_labels_are_checked_against_the_classes_and_examples()
    {
        float[][] rows = [[1f, 0f, 0f], [0f, 1f, 0f]];
        Assert.Contains("secondary class 7", Assert.Throws<TopicModelException>(
            () => MulticlassPredictions.Create([0, 1], rows, Names, [[], [7]])).Message);
        Assert.Contains("for 1 examples, expected 2", Assert.Throws<TopicModelException>(
            () => MulticlassPredictions.Create([0, 1], rows, Names, [[]])).Message);
    }

    [Fact]
    public void Predicted_labels_are_the_argmax_and_inputs_are_copied()
    {
        int[] labels = [2, 0];
        float[][] rows = [[0.1f, 0.2f, 0.7f], [0.3f, 0.4f, 0.3f]];
        var p = MulticlassPredictions.Create(labels, rows, Names);
        labels[0] = 1;

        Assert.Equal([2, 1], p.PredictedLabels);
        Assert.Equal([2, 0], p.Labels);
    }
}
