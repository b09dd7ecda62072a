using System.Diagnostics;

namespace TopicModel.ML.AutoML;

/// <summary>
/// Runs a search: asks the tuner for a configuration, evaluates it, reports the score back, until the
/// budget is spent, the tuner has nothing left, or the caller cancels. Trials run one at a time (each
/// trial already uses every core), so the sequence, and with a trial limit the result, is reproducible.
/// Cancelling keeps every finished trial; a trial interrupted half-way is dropped, never half-counted.
/// The time budget works the same way once one trial has finished. With <c>canonical</c>, proposals
/// that map to a configuration already run are answered from the record, not run again.
/// </summary>
public static class AutoMLExperiment
{
    public static ExperimentResult Run(
        ITuner tuner,
        Func<Configuration, CancellationToken, TrialOutcome> evaluate,
        ExperimentBudget budget,
        Action<Trial, ExperimentResult>? onTrial = null,
        CancellationToken cancellation = default,
        Func<Configuration, Configuration>? canonical = null)
    {
        budget.Validate();
        var clock = Stopwatch.StartNew();
        var trials = new List<Trial>();
        var scored = new Dictionary<string, double>(StringComparer.Ordinal);
        var repeats = 0;
        Trial? best = null;
        var (lastStarted, lastHadDeadline) = (TimeSpan.Zero, false);
        string stop;
        while (true)
        {
            if (cancellation.IsCancellationRequested) { stop = "interrupted"; break; }
            if (budget.MaxTrials is { } max && trials.Count >= max) { stop = $"trial limit ({max}) reached"; break; }
            if (budget.Time is { } time && clock.Elapsed >= time) { stop = TimeBudgetSpent(time, trials[^1], lastStarted, lastHadDeadline); break; }
            var proposed = tuner.Propose();
            if (proposed is null) { stop = "search space exhausted"; break; }
            // A proposal that trains a pipeline already tried gets its score back without a trial.
            var configuration = canonical?.Invoke(proposed) ?? proposed;
            if (scored.TryGetValue(configuration.Key, out var known))
            {
                tuner.Report(proposed, known);
                if (++repeats >= 10_000) { stop = "search space exhausted"; break; }
                continue;
            }
            repeats = 0;

            var started = clock.Elapsed;
            Trial trial;
            // Once there is a result to keep, a trial still running at the deadline is stopped and
            // dropped, so the budget is overrun by at most the time a trial takes to notice.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var hasDeadline = budget.Time is not null && best is not null;
            if (hasDeadline) deadline.CancelAfter(budget.Time!.Value - clock.Elapsed);
            try
            {
                var outcome = evaluate(configuration, deadline.Token);
                trial = new Trial(trials.Count + 1, configuration, outcome.Score, StandardDeviation(outcome.FoldScores),
                    outcome.FoldScores, outcome.Metrics, clock.Elapsed - started, null) { ScoreStandardError = outcome.StandardError };
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                stop = "interrupted";
                break;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                stop = $"the time budget ({Seconds(budget.Time!.Value)}) ran out during trial {trials.Count + 1}, which was stopped unfinished and dropped";
                break;
            }
            catch (TopicModelException e)
            {
                trial = new Trial(trials.Count + 1, configuration, double.NegativeInfinity, 0, [], new Dictionary<string, double>(),
                    clock.Elapsed - started, e.Message);
            }
            trials.Add(trial);
            (lastStarted, lastHadDeadline) = (started, hasDeadline);
            scored[configuration.Key] = trial.Score;
            tuner.Report(proposed, trial.Score);
            if (!trial.Failed && (best is null || trial.Score > best.Score)) best = trial;
            onTrial?.Invoke(trial, new ExperimentResult(trials.ToArray(), best, "running", clock.Elapsed, tuner.Name));
        }
        return new ExperimentResult(trials.ToArray(), best, stop, clock.Elapsed, tuner.Name);
    }

    /// <summary>
    /// Why a search whose time budget is spent stopped where it did: the budget ran out either between trials or
    /// during the last one, which then ran to its end (it had no deadline, since nothing had succeeded yet, or it
    /// finished before it looked at its deadline) and counts.
    /// </summary>
    private static string TimeBudgetSpent(TimeSpan budget, Trial last, TimeSpan lastStarted, bool lastHadDeadline)
    {
        var ended = lastStarted + last.Elapsed;
        if (ended < budget) return $"the time budget ({Seconds(budget)}) ran out after trial {last.Number}";
        var why = lastHadDeadline
            ? "finished before it noticed the deadline"
            : "ran to its end because no trial had succeeded before it";
        return $"the time budget ({Seconds(budget)}) ran out during trial {last.Number}, which {why}, and counts";
    }

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.#} s";

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
