using TopicModel.DataPrep.Ingestion;
using TopicModel.Evaluation.Harness;
using TopicModel.Evaluation.Leakage;
using TopicModel.TestSupport;

namespace TopicModel.Evaluation.Tests.Harness;

public sealed class LeakageCheckTests
{
    [Fact]
    public void The_two_seed_digests_share_19_papers()
    {
        var training = PaperReader.ReadFile(RepoPaths.TrainingDigest).Papers.DistinctBy(p => p.Id).ToArray();
        var heldOut = PaperReader.ReadFile(RepoPaths.HeldOutDigest).Papers.DistinctBy(p => p.Id).ToArray();

        var leaked = LeakageCheck.Find(heldOut, training, new LeakageOptions());

        Assert.Equal(19, leaked.Count);
        Assert.All(leaked, l => Assert.Equal(LeakageKind.SameTitle, l.Kind));
        Assert.All(leaked, l => Assert.Equal(l.Paper.Id, l.TrainingId));
        Assert.Equal(19, heldOut.Select(p => p.Id).Intersect(training.Select(p => p.Id)).Count());
    }

    [Fact]
    public void A_retitled_copy_with_the_same_abstract_is_a_near_duplicate_and_an_unrelated_paper_is_not()
    {
        const string text = "We study how large language models forget facts during continual fine tuning and propose a replay buffer that keeps old skills while new tasks are learned.";
        var original = HandCase.Paper("Forgetting in continual fine-tuning", text, "train");
        var retitled = HandCase.Paper("Replay keeps old skills", text + " Code is released.", "heldout");
        var unrelated = HandCase.Paper("A benchmark for table reasoning", "We release a benchmark of questions over tables and test many models on it.", "heldout");

        var leaked = LeakageCheck.Find([retitled, unrelated], [original], new LeakageOptions());

        var only = Assert.Single(leaked);
        Assert.Equal(LeakageKind.NearDuplicate, only.Kind);
        Assert.Equal(original.Id, only.TrainingId);
        Assert.InRange(only.Jaccard, 0.5, 1.0);
    }

    [Fact]
    public void Leaked_papers_are_excluded_by_default_and_kept_on_request()
    {
        var training = new[] { HandCase.Papers[0] with { Paper = HandCase.Papers[0].Paper with { Digest = "train" } } };

        var excluded = HandCase.Evaluate(training: training);
        var included = HandCase.Evaluate(EvaluationOptions.Default(7) with { IncludeLeaked = true }, training);

        Assert.Equal(1, excluded.Leakage.Count);
        Assert.True(excluded.Leakage.Excluded);
        Assert.Equal(3, excluded.PaperCount);
        Assert.DoesNotContain(HandCase.Papers[0].Paper.Id, excluded.PaperIds);
        Assert.Equal(4, included.PaperCount);
        Assert.False(included.Leakage.Excluded);
    }
}
