using TopicModel.Training.AutoML;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Tests.Pipelines;

namespace TopicModel.Training.Tests.AutoML;

[Collection(TrainedModelCollection.Name)]
public sealed class PipelineValidationTests(TrainedModel trained)
{
    private PipelineWorkspace Workspace() => trained.Workspace();

    [Fact]
    public void Folds_keep_each_digest_day_together_so_validation_is_about_unseen_days()
    {
        var labeled = Workspace().Corpus.Labeled;
        var fold = PipelineValidation.GroupedFolds(labeled, 5);

        var days = labeled.Select((p, i) => (Day: PipelineValidation.DayOf(p.Paper), Fold: fold[i])).GroupBy(x => x.Day).ToArray();
        // The dated 2025 corpus splits into its many days; the 2024 training digest is one day.
        Assert.True(days.Length > 100, $"only {days.Length} days");
        Assert.All(days, d => Assert.Single(d.Select(x => x.Fold).Distinct()));
        var training2024 = labeled.Select((p, i) => (p, i)).Where(x => x.p.Paper.Digest.StartsWith("000_", StringComparison.Ordinal)).Select(x => fold[x.i]).Distinct();
        Assert.Single(training2024);
        // Largest day first onto the smallest fold: every fold gets a fair share of the papers.
        var sizes = Enumerable.Range(0, 5).Select(k => fold.Count(f => f == k)).ToArray();
        Assert.True(sizes.Min() >= labeled.Count / 5 * 0.8, string.Join(",", sizes));
    }

    [Fact]
    public void The_rule_names_the_day_grouping_and_the_per_digest_objective()
    {
        var validation = new PipelineValidation(Workspace(), folds: 5, seed: 1);

        Assert.Contains("grouped by digest day", validation.Rule);
        Assert.Contains("hf-daily-papers-2025", validation.Rule);
        Assert.Contains("against the reviewed labels", validation.Rule);
    }

    [Fact]
    public void Forward_folds_train_only_on_papers_dated_before_the_period_they_are_scored_on()
    {
        var workspace = Workspace();
        var labeled = workspace.Corpus.Labeled;
        var scored = Enumerable.Range(0, labeled.Count).ToArray();
        var forward = ForwardFolds.Create(labeled, scored, 3)!;

        Assert.Equal(3, forward.Count);
        Assert.True(forward.Cutoffs.Zip(forward.Cutoffs.Skip(1)).All(c => c.First < c.Second), string.Join(", ", forward.Cutoffs));
        for (var k = 1; k <= forward.Count; k++)
        {
            var validated = scored.Where(i => forward.BlockOf[i] == k).ToArray();
            Assert.True(validated.Length > 100, $"fold {k} scores only {validated.Length} papers");
            var cutoff = forward.Cutoff(k);
            Assert.All(validated, i => Assert.True(labeled[i].Paper.Date >= cutoff));
            // Nothing from the scored period or later trains: dated papers are all earlier, the undated 2024 digest may train.
            var train = forward.TrainingPapers(labeled, k);
            Assert.All(train, i => Assert.True(labeled[i].Paper.Date is null || labeled[i].Paper.Date < cutoff));
            Assert.Empty(train.Intersect(validated));
            Assert.Contains(train, i => labeled[i].Paper.Digest.StartsWith("000_", StringComparison.Ordinal));
            // The unlabeled pool is cut at the same day: it is 2025 text, and a later day's text would be a look ahead.
            var pool = workspace.PoolPapers(cutoff);
            Assert.NotEmpty(pool);
            Assert.All(pool, i => Assert.True(workspace.Corpus.Pool[i].Paper.Date < cutoff));
            Assert.Equal(workspace.Corpus.Pool.Count(p => p.Paper.Date < cutoff), pool.Length);
        }
        // Block 0, the earliest days, only ever trains; the 2024 digest (no year in its date line) is never scored forward.
        Assert.Contains(scored, i => forward.BlockOf[i] == 0 && labeled[i].Paper.Date is not null);
        Assert.All(scored.Where(i => labeled[i].Paper.Date is null), i => Assert.Equal(0, forward.BlockOf[i]));
    }

    [Fact]
    public void The_mean_objective_averages_cross_validation_and_the_forward_score()
    {
        var validation = new PipelineValidation(Workspace(), folds: 5, seed: 1, ValidationObjective.Mean, forwardFolds: 2);
        var outcome = validation.Run(new PipelineOptions { Trainer = "NaiveBayes" }, CancellationToken.None);

        var forward = Assert.IsType<ML.Metrics.MulticlassClassificationMetrics>(outcome.Forward);
        Assert.Equal((outcome.CrossValidationScore + forward.MacroF1) / 2, outcome.Score, 12);
        Assert.NotEqual(outcome.CrossValidationScore, forward.MacroF1);
        Assert.Contains("forward score: macro-F1 of 2 forward-chaining folds", validation.Rule);
        Assert.Contains("maximises the mean", validation.Rule);

        var cvOnly = new PipelineValidation(Workspace(), folds: 5, seed: 1);
        Assert.Null(cvOnly.Forward);
        Assert.DoesNotContain("forward", cvOnly.Rule);
    }

    [Fact]
    public void The_latest_forward_objective_scores_the_last_forward_fold_alone()
    {
        var options = new PipelineOptions { Trainer = "NaiveBayes" };
        var validation = new PipelineValidation(Workspace(), folds: 5, seed: 1, ValidationObjective.LatestForward, forwardFolds: 2);
        var outcome = validation.Run(options, CancellationToken.None);

        Assert.Equal(2, outcome.ForwardFolds.Count);
        Assert.Equal(outcome.ForwardFolds[^1].MacroF1, outcome.Score);
        Assert.NotEqual(outcome.Forward!.MacroF1, outcome.Score);
        Assert.Contains("maximises the latest forward fold's macro-F1 (trained on every day before " + validation.Forward!.Cutoffs[^1].ToString("yyyy-MM-dd"), validation.Rule);

        // With one forward fold, that fold's own score is the pooled forward score.
        var single = new PipelineValidation(Workspace(), folds: 5, seed: 1, ValidationObjective.LatestForward, forwardFolds: 1).Run(options, CancellationToken.None);
        Assert.Equal(single.Forward!.MacroF1, Assert.Single(single.ForwardFolds).MacroF1, 12);
        Assert.Equal(single.Forward.MicroAccuracy, single.ForwardFolds[0].MicroAccuracy, 12);
        Assert.Equal(single.Forward.MacroF1, single.Score, 12);
        // The same folds under the pooled objective: the fold scores are reported either way, only the score differs.
        var pooled = new PipelineValidation(Workspace(), folds: 5, seed: 1, ValidationObjective.Forward, forwardFolds: 2).Run(options, CancellationToken.None);
        Assert.Equal(outcome.ForwardFolds.Select(f => f.MacroF1), pooled.ForwardFolds.Select(f => f.MacroF1));
        Assert.Equal(pooled.Forward!.MacroF1, pooled.Score);
    }

    [Fact]
    public void A_forward_objective_takes_its_standard_error_from_a_bootstrap_of_the_scored_days()
    {
        var options = new PipelineOptions { Trainer = "NaiveBayes" };
        PipelineValidation Validation(string objective, int seed = 1) => new(Workspace(), folds: 5, seed, objective, forwardFolds: 2);
        var forward = Validation(ValidationObjective.Forward).Run(options, CancellationToken.None);

        // Not the folds' spread: the pooled forward score is no mean over the cross-validation folds.
        var se = Assert.IsType<double>(forward.StandardError);
        Assert.InRange(se, 1e-4, 0.2);
        Assert.NotEqual(ML.AutoML.OneStandardErrorRule.StandardError(forward.FoldScores), se, 6);
        Assert.Contains($"a bootstrap of the scored days, {PipelineValidation.BootstrapResamples} resamples", Validation(ValidationObjective.Forward).Rule);
        // Drawn with the recipe's seed: every trial (and a second run) is judged on the same resamples, another seed
        // draws others (same folds, same predictions, so only the resamples differ).
        Assert.Equal(se, Validation(ValidationObjective.Forward).Run(options, CancellationToken.None).StandardError);
        var reseeded = Validation(ValidationObjective.Forward, seed: 2).Run(options, CancellationToken.None);
        Assert.Equal(forward.Forward!.MacroF1, reseeded.Forward!.MacroF1, 12);
        Assert.NotEqual(se, reseeded.StandardError);
        Assert.InRange(reseeded.StandardError!.Value, se / 2, se * 2);

        // The latest fold alone: its own papers' days, so another error than the pooled score's.
        var latest = Validation(ValidationObjective.LatestForward).Run(options, CancellationToken.None);
        Assert.InRange(latest.StandardError!.Value, 1e-4, 0.3);
        Assert.NotEqual(se, latest.StandardError.Value, 6);
        // The mean of the two scores: the two errors combined as independent.
        var mean = Validation(ValidationObjective.Mean).Run(options, CancellationToken.None);
        var cvError = ML.AutoML.OneStandardErrorRule.StandardError(mean.FoldScores);
        Assert.Equal(Math.Sqrt(cvError * cvError + se * se) / 2, mean.StandardError!.Value, 12);
        // Cross-validation's score is the folds' own: the rule reads their spread.
        Assert.Null(Validation(ValidationObjective.CrossValidation).Run(options, CancellationToken.None).StandardError);
    }
}
