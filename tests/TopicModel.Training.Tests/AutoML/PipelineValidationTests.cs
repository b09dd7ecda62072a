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
}
