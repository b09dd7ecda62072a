using TopicModel.ML.AutoML;

namespace TopicModel.ML.Tests.AutoML;

public sealed class TunerTests
{
    // A smooth objective with its optimum inside the box, plus a categorical that matters and one that does not.
    private static readonly SearchSpace Space = new([
        new FloatHyperparameter("lr", 1e-4, 1, 1e-4, Log: true),
        new FloatHyperparameter("w", 0, 3, 0),
        new IntHyperparameter("depth", 1, 8, 1),
        new ChoiceHyperparameter("kind", ["poor", "good", "fair"], "poor"),
        new ChoiceHyperparameter("noise", ["x", "y"], "x"),
    ]);

    private static double Objective(Configuration c) =>
        -Math.Pow(Math.Log10(c.Double("lr")) + 2, 2)
        - Math.Pow(c.Double("w") - 1.7, 2)
        - 0.1 * Math.Pow(c.Int("depth") - 5, 2)
        + c.String("kind") switch { "good" => 1, "fair" => 0.5, _ => 0 };

    private static double Best(ITuner tuner, int trials)
    {
        var result = AutoMLExperiment.Run(tuner, (c, _) => new TrialOutcome(Objective(c), [Objective(c)], new Dictionary<string, double>()),
            new ExperimentBudget(null, trials));
        return result.Best!.Score;
    }

    [Fact]
    public void Cost_frugal_search_beats_random_search_at_the_same_number_of_trials()
    {
        // Over 20 seeds, 40 trials each: the local search gets closer to the optimum (1.0) on average and on most seeds.
        var wins = 0;
        double cfo = 0, random = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var a = Best(new CostFrugalTuner(Space, seed), 40);
            var b = Best(new RandomSearchTuner(Space, seed), 40);
            cfo += a;
            random += b;
            if (a > b) wins++;
        }
        Assert.True(cfo > random, $"cost-frugal mean {cfo / 20:0.000} vs random {random / 20:0.000}");
        Assert.True(wins >= 12, $"cost-frugal won on {wins} of 20 seeds");
    }

    [Fact]
    public void Both_tuners_start_at_the_low_cost_default()
    {
        Assert.Equal(Space.Default().Key, new CostFrugalTuner(Space, 1).Propose()!.Key);
        Assert.Equal(Space.Default().Key, new RandomSearchTuner(Space, 1).Propose()!.Key);
    }

    [Fact]
    public void Cost_frugal_search_tries_given_configurations_first_and_moves_on_from_the_best()
    {
        var good = Space.Default().With([new("lr", 0.01), new("w", 1.7), new("depth", 5), new("kind", "good")]);
        var poor = Space.Default().With([new("kind", "fair")]);

        var result = AutoMLExperiment.Run(new CostFrugalTuner(Space, 3, [poor, good]),
            (c, _) => new TrialOutcome(Objective(c), [], new Dictionary<string, double>()), new ExperimentBudget(null, 12));

        Assert.Equal(poor.Key, result.Trials[0].Configuration.Key);
        Assert.Equal(good.Key, result.Trials[1].Configuration.Key);
        Assert.Equal(1.0, result.Best!.Score, 6);
        // The default is not run once a start was given: the search refines the given start instead.
        Assert.DoesNotContain(result.Trials, t => t.Configuration.Key == Space.Default().Key);
    }

    [Fact]
    public void The_same_seed_proposes_the_same_sequence()
    {
        static string[] Run(int seed) => AutoMLExperiment.Run(new CostFrugalTuner(Space, seed),
                (c, _) => new TrialOutcome(Objective(c), [], new Dictionary<string, double>()), new ExperimentBudget(null, 25))
            .Trials.Select(t => t.Configuration.Key).ToArray();

        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
    }

    [Fact]
    public void No_configuration_is_run_twice()
    {
        var small = new SearchSpace([new ChoiceHyperparameter("a", ["p", "q"]), new IntHyperparameter("b", 1, 3, 1)]);
        foreach (ITuner tuner in new ITuner[] { new CostFrugalTuner(small, 3), new RandomSearchTuner(small, 3), new GridSearchTuner(small, 3) })
        {
            var result = AutoMLExperiment.Run(tuner, (c, _) => new TrialOutcome(c.Int("b"), [], new Dictionary<string, double>()), new ExperimentBudget(null, 50));
            Assert.Equal(result.Trials.Count, result.Trials.Select(t => t.Configuration.Key).Distinct().Count());
            Assert.True(result.Trials.Count <= 6);
        }
    }

    [Fact]
    public void Grid_search_skips_points_that_differ_only_in_dimensions_the_pipeline_ignores()
    {
        // "depth" matters only for kind=good: a canonical form resets it elsewhere, so the grid runs 3 + 2 points, not 3 × 3.
        var space = new SearchSpace([new ChoiceHyperparameter("kind", ["poor", "good", "fair"]), new IntHyperparameter("depth", 1, 3, 1)]);
        Configuration Canonical(Configuration c) => c.String("kind") == "good" ? c : c.With([new("depth", 1)]);

        var result = AutoMLExperiment.Run(new GridSearchTuner(space, 3, Canonical), (c, _) => new TrialOutcome(c.Int("depth"), [], new Dictionary<string, double>()),
            new ExperimentBudget(null, 100), canonical: Canonical);

        Assert.Equal(5, result.Trials.Count);
        Assert.Equal("search space exhausted", result.StopReason);
    }

    [Fact]
    public void Grid_search_visits_the_whole_grid_then_stops()
    {
        var result = AutoMLExperiment.Run(new GridSearchTuner(Space, 3), (c, _) => new TrialOutcome(Objective(c), [], new Dictionary<string, double>()),
            new ExperimentBudget(null, 100_000));

        Assert.Equal(Space.GridSize(3), result.Trials.Count);
        Assert.Equal("search space exhausted", result.StopReason);
    }
}
