using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Preparation;
using TopicModel.Evaluation.Harness;
using TopicModel.ML;
using TopicModel.TestSupport;

namespace TopicModel.Evaluation.Tests.Harness;

public sealed class WeakLabelClassifierTests
{
    // Both seed digests, labeled by the shipped taxonomy's rules with the recipe's title weight.
    private static readonly PreparedData Data = DataPreparation.Run(new PrepInputs(
        RepoPaths.Taxonomy, [RepoPaths.TrainingDigest], [RepoPaths.HeldOutDigest], [], [RepoPaths.Labels],
        new LabelingOptions(TitleWeight: 2.0, FallbackTopic: "other")));

    [Fact]
    public void It_predicts_the_topic_each_paper_was_weakly_labeled_with_even_on_a_tied_vote()
    {
        var classifier = new WeakLabelClassifier(Data);
        var probabilities = new float[classifier.Topics.Count];
        var ties = 0;
        foreach (var p in Data.Papers)
        {
            classifier.Predict(p.Paper, probabilities);
            var predicted = classifier.Topics[Array.IndexOf(probabilities, probabilities.Max())];
            Assert.Equal(p.Weak!.Topic, predicted);
            Assert.Equal(1.0, probabilities.Sum(), 4);
            if (Data.Taxonomy.Ids[Array.IndexOf(p.Weak.Probabilities, p.Weak.Probabilities.Max())] != p.Weak.Topic) ties++;
        }
        // Ties the label model broke by supporting functions exist in the real digests, so the ranking matters.
        Assert.True(ties > 0, "no tied votes in the seed digests");
    }

    [Fact]
    public void A_paper_data_prep_never_saw_is_an_error_naming_it()
    {
        var classifier = new WeakLabelClassifier(Data);
        var stranger = new Paper("not-prepared-1", "A paper from elsewhere", "Its abstract.", "elsewhere", null, null, 1);

        var e = Assert.Throws<TopicModelException>(() => classifier.Predict(stranger, new float[classifier.Topics.Count]));
        Assert.Contains("not-prepared-1", e.Message);
        Assert.Contains("no weak label", e.Message);
    }
}
