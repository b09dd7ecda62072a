using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;

namespace TopicModel.DataPrep.Tests.Labeling;

public class LabelMergerTests
{
    private static readonly Taxonomy Taxonomy = new("t", 1,
        [new Topic("a", "A", "", ["x"]), new Topic("b", "B", "", ["y"]), new Topic("other", "Other", "", [])]);

    private static WeakLabel Weak(string topic, params float[] p) => new(topic, p, ["title:" + topic]);

    [Fact]
    public void Reviewed_labels_override_weak_ones_and_say_so()
    {
        string[] ids = ["p0", "p1", "p2", "p3"];
        WeakLabel?[] weak = [Weak("a", 0.7f, 0.3f, 0f), Weak("a", 0.6f, 0.4f, 0f), null, null];
        ReviewedLabel[] reviewed = [new("p1", "P1", "b", ["a"], null), new("p2", "P2", "other", [], "d"), new("p9", "Elsewhere", "a", [], null)];

        var merged = LabelMerger.Merge(ids, weak, reviewed, Taxonomy);

        Assert.Equal(("p0", "a", LabelSource.Weak), (merged[0]!.PaperId, merged[0]!.Topic, merged[0]!.Source));
        Assert.Same(weak[0]!.Probabilities, merged[0]!.Probabilities);
        Assert.Equal(["title:a"], merged[0]!.FiredFunctions);
        Assert.Equal(LabelSource.Reviewed, merged[1]!.Source);
        Assert.Equal("b", merged[1]!.Topic);
        Assert.Equal([0f, 1f, 0f], merged[1]!.Probabilities);
        Assert.Equal(["title:a"], merged[1]!.FiredFunctions);
        Assert.Equal(LabelSource.Reviewed, merged[2]!.Source);
        Assert.Empty(merged[2]!.FiredFunctions);
        Assert.Null(merged[3]);
    }

    [Fact]
    public void Inconsistent_inputs_fail_clearly()
    {
        Assert.Contains("2 papers but 1 weak labels",
            Assert.Throws<TopicModelException>(() => LabelMerger.Merge(["p0", "p1"], [null], [], Taxonomy)).Message);
        ReviewedLabel[] twice = [new("p0", "P0", "a", [], "d0"), new("p0", "P0", "b", [], "d1")];
        Assert.Contains("conflicting reviewed labels 'a' and 'b'",
            Assert.Throws<TopicModelException>(() => LabelMerger.Merge(["p0"], [null], twice, Taxonomy)).Message);
    }
}
