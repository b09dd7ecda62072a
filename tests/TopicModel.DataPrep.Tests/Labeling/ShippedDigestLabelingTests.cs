using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Labeling;

public class ShippedDigestLabelingTests
{
    private static readonly Taxonomy Taxonomy = TaxonomyReader.Read(RepoPaths.Taxonomy);
    private static readonly IReadOnlyList<Paper> Training = PaperReader.ReadFile(RepoPaths.TrainingDigest).Papers;
    private static readonly IReadOnlyList<Paper> HeldOut = PaperReader.ReadFile(RepoPaths.HeldOutDigest).Papers;
    private static readonly LabelingFunctionSet Functions = LabelingFunctionSet.FromTaxonomy(Taxonomy);

    [Fact]
    public void The_test_reader_finds_every_paper_of_both_digests()
    {
        Assert.Equal(216, Training.Count);
        Assert.Equal(112, HeldOut.Count);
        Assert.StartsWith("Reversing the Forget-Retain", Training[0].Title);
    }

    [Fact]
    public void Functions_cover_most_papers_of_both_digests()
    {
        foreach (var papers in new[] { Training, HeldOut })
        {
            var report = LabelingAnalysis.Analyze(Functions.Apply(papers));
            Assert.True(report.Coverage > 0.8, $"coverage {report.Coverage:P1}");
        }
    }

    [Fact]
    public void Every_vote_is_backed_by_its_evidence()
    {
        var matrix = Functions.Apply(Training);

        for (var i = 0; i < matrix.PaperCount; i++)
        {
            Assert.Equal(Training[i].Id, matrix.Evidence[i].PaperId);
            for (var j = 0; j < matrix.FunctionCount; j++)
            {
                var hits = matrix.Evidence[i].Hits.Count(h => h.Function == matrix.FunctionNames[j]);
                Assert.Equal(matrix.Vote(i, j) == LabelMatrix.Abstain ? 0 : hits, matrix.Hits(i, j));
                if (hits > 0) Assert.Equal(Functions.Functions[j].TopicIndex, matrix.Vote(i, j));
            }
        }
    }

    [Fact]
    public void Unlearning_paper_is_explained_by_its_keywords()
    {
        var evidence = Functions.Explain(Training[0]);

        Assert.Contains(evidence.Hits, h => h is { Function: "title:unlearning-privacy", Keyword: "unlearning" });
        Assert.Contains(evidence.Hits, h => h is { Function: "abstract:unlearning-privacy", Keyword: "privacy" });
        Assert.Contains(evidence.Hits, h => h is { Function: "abstract:unlearning-privacy", Keyword: "copyright" });
    }

    [Fact]
    public void Analysis_numbers_are_consistent_with_the_matrix()
    {
        var matrix = Functions.Apply(Training);
        var models = new[] { new MajorityVoteLabelModel().Fit(matrix), new GenerativeLabelModel().Fit(matrix) };

        var report = LabelingAnalysis.Analyze(matrix, models);

        var covered = Enumerable.Range(0, matrix.PaperCount).Count(matrix.IsCovered);
        Assert.Equal(covered, report.CoveredPapers);
        Assert.Equal((double)covered / matrix.PaperCount, report.Coverage, 12);
        Assert.Equal(1 - report.Coverage, report.AbstainRate, 12);
        for (var j = 0; j < matrix.FunctionCount; j++)
        {
            var row = report.Functions[j];
            var votes = Enumerable.Range(0, matrix.PaperCount).Count(i => matrix.Vote(i, j) != LabelMatrix.Abstain);
            Assert.Equal(votes, row.Votes);
            Assert.Equal((double)votes / matrix.PaperCount, row.Coverage, 12);
            Assert.InRange(row.Overlaps, row.Conflicts, row.Coverage);
            Assert.Equal([Functions.Functions[j].TopicId], row.Polarity.Count == 0 ? [Functions.Functions[j].TopicId] : row.Polarity);
        }
        for (var a = 0; a < matrix.ClassCount; a++)
        {
            var votedFor = Enumerable.Range(0, matrix.PaperCount).Count(i => matrix.Votes(i).Contains(a));
            Assert.Equal(votedFor, report.TopicCoVotes[a, a]);
            for (var b = 0; b < matrix.ClassCount; b++) Assert.Equal(report.TopicCoVotes[a, b], report.TopicCoVotes[b, a]);
        }
        foreach (var model in report.Models)
        {
            Assert.Equal(matrix.PaperCount, model.Labeled);
            Assert.Equal(matrix.PaperCount, model.Distribution.Sum(d => d.Count));
            // Uncovered papers fall back to "other"; the generative model may also judge a weakly covered paper to be "other".
            var other = model.Distribution.Single(d => d.Topic == Taxonomy.OtherId).Count;
            if (model.Model == "MajorityVote") Assert.Equal(matrix.PaperCount - covered, other);
            else Assert.InRange(other, matrix.PaperCount - covered, matrix.PaperCount);
        }
    }

    [Fact]
    public void Label_models_give_every_paper_a_distribution_over_the_taxonomy()
    {
        var matrix = Functions.Apply(Training);

        foreach (var model in new ILabelModel[] { new MajorityVoteLabelModel(), new GenerativeLabelModel() })
        {
            var labels = model.Fit(matrix).Predict(matrix);
            Assert.All(labels, label =>
            {
                Assert.NotNull(label);
                Assert.Equal(Taxonomy.Topics.Count, label.Probabilities.Length);
                Assert.Equal(1.0, label.Probabilities.Sum(), 4);
                Assert.True(Taxonomy.Contains(label.Topic));
            });
        }
    }

    [Fact]
    public void Generative_model_mostly_agrees_with_majority_vote_but_reweighs_functions()
    {
        var matrix = Functions.Apply(Training);
        var majority = new MajorityVoteLabelModel().Fit(matrix).Predict(matrix);
        var generative = (FittedGenerativeLabelModel)new GenerativeLabelModel().Fit(matrix);

        var agreement = majority.Zip(generative.Predict(matrix)).Count(p => p.First!.Topic == p.Second!.Topic) / (double)matrix.PaperCount;

        Assert.True(generative.Converged);
        Assert.InRange(agreement, 0.6, 1.0);
        Assert.All(generative.Functions, f => Assert.InRange(f.Accuracy, 0.0, 1.0));
        Assert.True(generative.Functions.Select(f => f.Accuracy).Distinct().Count() > 1);
    }

    [Fact]
    public void Labeling_is_deterministic()
    {
        var a = Functions.Apply(Training);
        var b = LabelingFunctionSet.FromTaxonomy(Taxonomy).Apply(Training);

        for (var i = 0; i < a.PaperCount; i++)
        {
            Assert.True(a.Votes(i).SequenceEqual(b.Votes(i)));
            Assert.Equal(a.Evidence[i].Hits, b.Evidence[i].Hits);
        }
    }

    [Fact]
    public void Reviewed_labels_override_weak_labels_on_real_papers()
    {
        var matrix = Functions.Apply(Training);
        var weak = new GenerativeLabelModel().Fit(matrix).Predict(matrix);
        var reviewed = new[] { new ReviewedLabel(Training[5].Id, Training[5].Title, "evaluation", [], "000") };

        var merged = LabelMerger.Merge(matrix.PaperIds, weak, reviewed, Taxonomy);

        Assert.Equal(1, merged.Count(m => m!.Source == LabelSource.Reviewed));
        Assert.Equal("evaluation", merged[5]!.Topic);
        Assert.Equal(weak[6]!.Topic, merged[6]!.Topic);
    }
}
