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
        string stop;
        while (true)
        {
            if (cancellation.IsCancellationRequested) { stop = "interrupted"; break; }
            if (budget.MaxTrials is { } max && trials.Count >= max) { stop = $"trial limit ({max}) reached"; break; }
            if (budget.Time is { } time && clock.Elapsed >= time) { stop = $"time budget ({time.TotalSeconds:0.#} s) spent"; break; }
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
            if (budget.Time is { } limit && best is not null) deadline.CancelAfter(limit - clock.Elapsed);
            try
            {
                var outcome = evaluate(configuration, deadline.Token);
                trial = new Trial(trials.Count + 1, configuration, outcome.Score, StandardDeviation(outcome.FoldScores),
                    outcome.FoldScores, outcome.Metrics, clock.Elapsed - started, null);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                stop = "interrupted";
                break;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                stop = $"time budget ({budget.Time!.Value.TotalSeconds:0.#} s) spent; trial {trials.Count + 1} was stopped unfinished and dropped";
                break;
            }
            catch (TopicModelException e)
            {
                trial = new Trial(trials.Count + 1, configuration, double.NegativeInfinity, 0, [], new Dictionary<string, double>(),
                    clock.Elapsed - started, e.Message);
            }
            trials.Add(trial);
            scored[configuration.Key] = trial.Score;
            tuner.Report(proposed, trial.Score);
            if (!trial.Failed && (best is null || trial.Score > best.Score)) best = trial;
            onTrial?.Invoke(trial, new ExperimentResult(trials.ToArray(), best, "running", clock.Elapsed, tuner.Name));
        }
        return new ExperimentResult(trials.ToArray(), best, stop, clock.Elapsed, tuner.Name);
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
