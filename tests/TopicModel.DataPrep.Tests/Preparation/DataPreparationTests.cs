using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.ML;
using TopicModel.TestSupport;

namespace TopicModel.DataPrep.Tests.Preparation;

public class DataPreparationTests
{
    private static PrepInputs SeedInputs(string labelModel = "generative", IReadOnlyList<string>? reviewed = null) => new(
        RepoPaths.Taxonomy,
        [RepoPaths.TrainingDigest],
        [RepoPaths.HeldOutDigest],
        [],
        reviewed ?? [RepoPaths.Labels],
        new LabelingOptions(),
        labelModel);

    private static readonly Lazy<PreparedData> Seed = new(() => DataPreparation.Run(SeedInputs()));

    [Fact]
    public void Every_paper_of_both_digests_is_kept_once_per_digest_with_its_split()
    {
        var data = Seed.Value;

        Assert.Equal(216, data.InSplit(Split.Train).Count());
        Assert.Equal(112, data.InSplit(Split.HeldOut).Count());
        Assert.Equal(19, data.Duplicates.CrossDigest.Count);
        Assert.Empty(data.Rejects);
    }

    [Fact]
    public void Reviewed_labels_override_weak_labels_and_say_so()
    {
        var data = Seed.Value;

        Assert.All(data.Papers, p =>
        {
            Assert.NotNull(p.Reviewed);
            Assert.Equal(LabelSource.Reviewed, p.Label.Source);
            Assert.Equal(p.Reviewed!.Topic, p.Label.Topic);
        });
        // The rules disagree with people on a good share of papers; the merged label follows the people.
        Assert.Contains(data.Papers, p => p.Weak is not null && p.Weak.Topic != p.Label.Topic);
    }

    [Fact]
    public void Without_reviewed_labels_every_paper_trains_on_its_weak_label()
    {
        var data = DataPreparation.Run(SeedInputs(reviewed: []));

        Assert.All(data.Papers, p =>
        {
            Assert.Equal(LabelSource.Weak, p.Label.Source);
            Assert.Equal(p.Weak!.Topic, p.Label.Topic);
            Assert.Equal(1.0, p.Label.Probabilities.Sum(), 3);
        });
        Assert.Equal(0, data.Analysis.ReviewedPapers);
    }

    [Fact]
    public void The_analysis_compares_both_label_models_with_the_reviewed_labels()
    {
        var models = Seed.Value.Analysis.Models;

        Assert.Equal(2, models.Count);
        Assert.All(models, m =>
        {
            Assert.Equal(309, m.Compared);
            // Keyword rules on this taxonomy are far better than chance (1/14) and far from perfect.
            Assert.InRange(m.Accuracy!.Value, 0.45, 0.9);
        });
    }

    [Fact]
    public void The_chosen_label_model_is_the_one_the_recipe_names()
    {
        Assert.Equal("Generative", DataPreparation.Run(SeedInputs("generative")).LabelModel.Name);
        Assert.Equal("MajorityVote", DataPreparation.Run(SeedInputs("majority")).LabelModel.Name);
        Assert.Throws<TopicModelException>(() => DataPreparation.Run(SeedInputs("snorkel")));
    }

    [Fact]
    public void A_fallback_topic_missing_from_the_taxonomy_is_refused()
    {
        var inputs = SeedInputs() with { Labeling = new LabelingOptions(FallbackTopic: "misc") };

        Assert.Contains("misc", Assert.Throws<TopicModelException>(() => DataPreparation.Run(inputs)).Message);
    }

    [Fact]
    public void A_missing_reviewed_label_file_is_an_error_but_a_missing_folder_is_not()
    {
        Assert.Throws<TopicModelException>(() => DataPreparation.Run(SeedInputs(reviewed: ["/no/such/labels.jsonl"])));
        Assert.Equal(328, DataPreparation.Run(SeedInputs(reviewed: ["/no/such/labels"])).Papers.Count);
    }

    [Fact]
    public void Preparing_twice_writes_identical_files()
    {
        var a = Directory.CreateTempSubdirectory("prep-a").FullName;
        var b = Directory.CreateTempSubdirectory("prep-b").FullName;
        try
        {
            var first = PreparedDataWriter.Write(DataPreparation.Run(SeedInputs()), a);
            var second = PreparedDataWriter.Write(DataPreparation.Run(SeedInputs()), b);
            for (var i = 0; i < first.Count; i++)
                Assert.Equal(File.ReadAllBytes(first[i]), File.ReadAllBytes(second[i]));
            Assert.Equal(328, File.ReadAllLines(first[0]).Length);
            Assert.Equal(329, File.ReadAllLines(first[1]).Length);
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }
}
