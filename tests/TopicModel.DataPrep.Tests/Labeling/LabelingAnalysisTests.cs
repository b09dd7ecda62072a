using TopicModel.DataPrep.Labeling;

namespace TopicModel.DataPrep.Tests.Labeling;

public class LabelingAnalysisTests
{
    // p0: f0 and f1 agree on a; p1: f0 says a, f1 says b; p2: only f2 (c); p3: nobody.
    private static readonly LabelMatrix Matrix = LabelMatrix.FromVotes(
        new[,] { { 0, 0, -1 }, { 0, 1, -1 }, { -1, -1, 2 }, { -1, -1, -1 } }, ["a", "b", "c"]);

    private static readonly ReviewedLabel[] Reviewed =
    [
        new("p0", "P0", "a", [], null),
        new("p1", "P1", "b", [], null),
        new("p2", "P2", "a", [], null),
        new("elsewhere", "Not in this matrix", "c", [], null),
    ];

    [Fact]
    public void Function_rows_count_coverage_overlaps_conflicts_and_empirical_accuracy()
    {
        var report = LabelingAnalysis.Analyze(Matrix, reviewed: Reviewed);

        Assert.Equal(new FunctionSummary("lf0", ["a"], 2, 0.5, 0.5, 0.25, 1, 1, 0.5), report.Functions[0], FunctionSummaryComparer.Instance);
        Assert.Equal(new FunctionSummary("lf1", ["a", "b"], 2, 0.5, 0.5, 0.25, 2, 0, 1.0), report.Functions[1], FunctionSummaryComparer.Instance);
        Assert.Equal(new FunctionSummary("lf2", ["c"], 1, 0.25, 0, 0, 0, 1, 0.0), report.Functions[2], FunctionSummaryComparer.Instance);
        Assert.Equal(4, report.Papers);
        Assert.Equal(3, report.CoveredPapers);
        Assert.Equal(0.75, report.Coverage);
        Assert.Equal(0.25, report.AbstainRate);
        Assert.Equal(3, report.ReviewedPapers);
    }

    [Fact]
    public void Without_reviewed_labels_accuracy_fields_are_null()
    {
        var row = LabelingAnalysis.Analyze(Matrix).Functions[0];

        Assert.Null(row.Correct);
        Assert.Null(row.Incorrect);
        Assert.Null(row.EmpiricalAccuracy);
    }

    [Fact]
    public void Pairwise_tables_count_conflicts_between_functions_and_co_votes_between_topics()
    {
        var report = LabelingAnalysis.Analyze(Matrix);

        Assert.Equal(0.25, report.FunctionConflicts[0, 1]);
        Assert.Equal(0.25, report.FunctionConflicts[1, 0]);
        Assert.Equal(0.0, report.FunctionConflicts[0, 2]);
        Assert.Equal(0.0, report.FunctionConflicts[0, 0]);
        Assert.Equal(["a", "b", "c"], report.TopicCoVotes.Names);
        Assert.Equal([2.0, 1.0, 0.0], report.TopicCoVotes.Values[0]);
        Assert.Equal([1.0, 1.0, 0.0], report.TopicCoVotes.Values[1]);
        Assert.Equal([0.0, 0.0, 1.0], report.TopicCoVotes.Values[2]);
    }

    [Fact]
    public void Label_models_are_scored_against_reviewed_labels()
    {
        var majority = new MajorityVoteLabelModel().Fit(Matrix);

        var summary = Assert.Single(LabelingAnalysis.Analyze(Matrix, [majority], Reviewed).Models);

        // Predictions a, a (tie goes to the first class), c, none; reviewed a, b, a.
        Assert.Equal("MajorityVote", summary.Model);
        Assert.Equal(3, summary.Labeled);
        Assert.Equal([2, 0, 1], summary.Distribution.Select(d => d.Count));
        Assert.Equal(2.0 / 3, summary.Distribution[0].Share, 12);
        Assert.Equal(3, summary.Compared);
        Assert.Equal(1.0 / 3, summary.Accuracy!.Value, 12);
        Assert.Equal(0.5 / 3, summary.MacroF1!.Value, 12);
        Assert.Equal(majority.Functions, summary.Functions);
    }

    [Fact]
    public void Macro_f1_is_one_for_perfect_predictions_and_averages_present_classes()
    {
        Assert.Equal(1.0, LabelingAnalysis.MacroF1([0, 1, 2, 2], [0, 1, 2, 2], 5));
        // Class 0: P=1/2 R=1 F1=2/3; class 1: F1=0; class 3 absent from both and ignored.
        Assert.Equal((2.0 / 3 + 0) / 2, LabelingAnalysis.MacroF1([0, 1], [0, 0], 4), 12);
    }

    private sealed class FunctionSummaryComparer : IEqualityComparer<FunctionSummary>
    {
        public static readonly FunctionSummaryComparer Instance = new();

        public bool Equals(FunctionSummary? x, FunctionSummary? y) =>
            x is not null && y is not null && x.Function == y.Function && x.Polarity.SequenceEqual(y.Polarity) && x.Votes == y.Votes
            && Close(x.Coverage, y.Coverage) && Close(x.Overlaps, y.Overlaps) && Close(x.Conflicts, y.Conflicts)
            && x.Correct == y.Correct && x.Incorrect == y.Incorrect && Close(x.EmpiricalAccuracy, y.EmpiricalAccuracy);

        public int GetHashCode(FunctionSummary obj) => obj.Function.GetHashCode();

        private static bool Close(double? a, double? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-12;
    }
}
