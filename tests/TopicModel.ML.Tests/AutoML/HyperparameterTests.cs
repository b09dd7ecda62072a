using TopicModel.ML.AutoML;

namespace TopicModel.ML.Tests.AutoML;

public sealed class HyperparameterTests
{
    [Fact]
    public void Log_scaled_floats_map_the_unit_interval_onto_decades_evenly()
    {
        var h = new FloatHyperparameter("l2", 1e-6, 1e-2, 1e-4, Log: true);

        Assert.Equal(1e-6, (double)h.FromUnit(0), 12);
        Assert.Equal(1e-4, (double)h.FromUnit(0.5), 10);
        Assert.Equal(1e-2, (double)h.FromUnit(1), 10);
        Assert.Equal(0.5, h.ToUnit(1e-4), 6);
    }

    [Fact]
    public void Every_integer_owns_an_equal_slice_of_the_unit_interval()
    {
        var h = new IntHyperparameter("n", 1, 3, 2);
        var counts = new int[4];
        for (var i = 0; i < 3000; i++) counts[(int)h.FromUnit((i + 0.5) / 3000)]++;

        Assert.Equal([0, 1000, 1000, 1000], counts);
        foreach (var k in new[] { 1, 2, 3 }) Assert.Equal(k, (int)h.FromUnit(h.ToUnit(k)));
    }

    [Fact]
    public void Choices_round_trip_through_the_unit_interval()
    {
        var h = new ChoiceHyperparameter("trainer", ["a", "b", "c"], "b");

        foreach (var o in h.Options) Assert.Equal(o, h.FromUnit(h.ToUnit(o)));
        Assert.Equal("a", h.FromUnit(0));
        Assert.Equal("c", h.FromUnit(1));
        Assert.Equal("b", h.Default);
    }

    [Theory]
    [InlineData(2.0, 1.0, 1.5)]
    [InlineData(0.0, 1.0, 2.0)]
    public void Bad_ranges_fail_with_the_name(double min, double max, double def)
    {
        var error = Assert.Throws<TopicModelException>(() => new FloatHyperparameter("rate", min, max, def));
        Assert.Contains("'rate'", error.Message);
    }

    [Fact]
    public void A_log_scale_needs_a_positive_minimum()
    {
        Assert.Throws<TopicModelException>(() => new FloatHyperparameter("l1", 0, 1, 0.5, Log: true));
    }

    [Fact]
    public void The_grid_of_a_space_is_every_combination()
    {
        var space = new SearchSpace([
            new ChoiceHyperparameter("t", ["a", "b"]),
            new IntHyperparameter("n", 1, 2, 1),
            new FloatHyperparameter("x", 0, 1, 0),
            new FloatHyperparameter("fixed", 3, 3, 3),
        ]);

        var grid = space.Grid(3).ToList();

        Assert.Equal(2 * 2 * 3, grid.Count);
        Assert.Equal(12, space.GridSize(3));
        Assert.Equal(grid.Count, grid.Select(c => c.Key).Distinct().Count());
        Assert.All(grid, c => Assert.Equal(3.0, c.Double("fixed")));
        Assert.Equal(3, space.Free.Count);
    }

    [Fact]
    public void Each_dimension_describes_its_range_or_options_as_the_manifest_records_them()
    {
        Assert.Equal("trainer: one of [NaiveBayes, OneVersusAll], default OneVersusAll",
            new ChoiceHyperparameter("trainer", ["NaiveBayes", "OneVersusAll"], "OneVersusAll").ToString());
        Assert.Equal("n: integer in [1, 3], default 2", new IntHyperparameter("n", 1, 3, 2).ToString());
        Assert.Equal("l2: real in [1E-06, 0.01] on a log scale, default 0.0001",
            new FloatHyperparameter("l2", 1e-6, 1e-2, 1e-4, Log: true).ToString());
    }
}
