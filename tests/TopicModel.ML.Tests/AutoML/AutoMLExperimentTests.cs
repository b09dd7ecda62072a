using System.Diagnostics;
using TopicModel.ML.AutoML;

namespace TopicModel.ML.Tests.AutoML;

public sealed class AutoMLExperimentTests
{
    private static readonly SearchSpace Space = new([new FloatHyperparameter("x", 0, 1, 0)]);

    private static TrialOutcome Score(Configuration c) => new(c.Double("x"), [c.Double("x")], new Dictionary<string, double> { ["x"] = c.Double("x") });

    [Fact]
    public void A_trial_limit_stops_the_search_and_the_best_is_the_highest_score()
    {
        var result = AutoMLExperiment.Run(new RandomSearchTuner(Space, 1), (c, _) => Score(c), new ExperimentBudget(null, 12));

        Assert.Equal(12, result.Trials.Count);
        Assert.Equal("trial limit (12) reached", result.StopReason);
        Assert.Equal(result.Trials.Max(t => t.Score), result.Best!.Score);
        Assert.Equal(result.Best, result.Leaderboard[0]);
        Assert.Equal(Enumerable.Range(1, 12), result.Trials.Select(t => t.Number));
    }

    [Fact]
    public void A_time_budget_stops_a_running_trial_once_one_has_finished()
    {
        var clock = Stopwatch.StartNew();
        var result = AutoMLExperiment.Run(new RandomSearchTuner(Space, 1), (c, token) =>
        {
            // The first trial is quick; the next ones would take far longer than the budget.
            if (token.WaitHandle.WaitOne(c.Key == Space.Default().Key ? 10 : 60_000)) token.ThrowIfCancellationRequested();
            return Score(c);
        }, new ExperimentBudget(TimeSpan.FromMilliseconds(400), null));

        Assert.Single(result.Trials);
        Assert.Equal("the time budget (0.4 s) ran out during trial 2, which was stopped unfinished and dropped", result.StopReason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_first_trial_longer_than_the_time_budget_runs_to_its_end_and_the_reason_says_so()
    {
        var result = AutoMLExperiment.Run(new RandomSearchTuner(Space, 1), (c, token) =>
        {
            // Nothing has succeeded yet, so this trial gets no deadline: the token never fires.
            Assert.False(token.WaitHandle.WaitOne(300));
            return Score(c);
        }, new ExperimentBudget(TimeSpan.FromMilliseconds(100), null));

        Assert.Single(result.Trials);
        Assert.True(result.Elapsed > TimeSpan.FromMilliseconds(300));
        Assert.Equal("the time budget (0.1 s) ran out during trial 1, which ran to its end because no trial had succeeded before it, and counts",
            result.StopReason);
    }

    [Fact]
    public void A_trial_that_finishes_past_the_deadline_without_looking_at_it_counts_and_the_reason_says_so()
    {
        var result = AutoMLExperiment.Run(new RandomSearchTuner(Space, 1), (c, _) =>
        {
            // The second trial ignores its token (a trainer between its checks) and ends past the budget.
            if (c.Key != Space.Default().Key) Thread.Sleep(1000);
            return Score(c);
        }, new ExperimentBudget(TimeSpan.FromMilliseconds(500), null));

        Assert.Equal(2, result.Trials.Count);
        Assert.Equal("the time budget (0.5 s) ran out during trial 2, which finished before it noticed the deadline, and counts", result.StopReason);
    }

    [Fact]
    public void A_time_budget_that_runs_out_between_trials_says_after_which()
    {
        var result = AutoMLExperiment.Run(new RandomSearchTuner(Space, 1), (c, _) => Score(c),
            new ExperimentBudget(TimeSpan.FromMilliseconds(500), null), onTrial: (_, _) => Thread.Sleep(1000));

        Assert.Single(result.Trials);
        Assert.Equal("the time budget (0.5 s) ran out after trial 1", result.StopReason);
    }

    [Fact]
    public void Cancelling_keeps_the_finished_trials_and_drops_the_running_one()
    {
        using var cts = new CancellationTokenSource();
        var result = AutoMLExperiment.Run(new RandomSearchTuner(Space, 1), (c, token) =>
        {
            if (cts.IsCancellationRequested is false && token.CanBeCanceled && ++_calls == 4) cts.Cancel();
            token.ThrowIfCancellationRequested();
            return Score(c);
        }, new ExperimentBudget(null, 100), cancellation: cts.Token);

        Assert.Equal(3, result.Trials.Count);
        Assert.Equal("interrupted", result.StopReason);
        Assert.NotNull(result.Best);
    }

    private int _calls;

    [Fact]
    public void A_failing_trial_is_recorded_with_its_error_and_the_search_goes_on()
    {
        var result = AutoMLExperiment.Run(new RandomSearchTuner(Space, 1), (c, _) =>
            c.Double("x") > 0.5 ? throw new TopicModelException("diverged") : Score(c), new ExperimentBudget(null, 20));

        Assert.Equal(20, result.Trials.Count);
        Assert.Contains(result.Trials, t => t.Failed && t.Error == "diverged" && double.IsNegativeInfinity(t.Score));
        Assert.False(result.Best!.Failed);
        Assert.True(result.Best.Score <= 0.5);
    }

    [Fact]
    public void A_search_without_a_budget_is_refused()
    {
        Assert.Throws<TopicModelException>(() => AutoMLExperiment.Run(new RandomSearchTuner(Space, 1), (c, _) => Score(c), new ExperimentBudget(null, null)));
    }

    [Fact]
    public void Fold_scores_give_the_standard_deviation()
    {
        var result = AutoMLExperiment.Run(new RandomSearchTuner(Space, 1),
            (_, _) => new TrialOutcome(0.5, [0.4, 0.6], new Dictionary<string, double>()), new ExperimentBudget(null, 1));

        Assert.Equal(0.1, result.Trials[0].StandardDeviation, 12);
    }
}
