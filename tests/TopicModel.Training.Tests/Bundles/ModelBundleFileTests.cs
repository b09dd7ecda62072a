using System.IO.Compression;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;

namespace TopicModel.Training.Tests.Bundles;

/// <summary>Damaged and foreign bundles, made from a real trained bundle.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class ModelBundleFileTests(TrainedModel trained) : IDisposable
{
    private readonly string _bundle = trained.BundlePath;
    private readonly string _dir = Directory.CreateTempSubdirectory("bundle-file").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Rewrite(Action<JsonObject> editManifest, string name)
    {
        var contents = BundleArchive.Read(_bundle);
        var manifest = (JsonObject)contents.Manifest.DeepClone();
        manifest.Remove("entries");
        editManifest(manifest);
        var path = Path.Combine(_dir, name);
        BundleArchive.Write(path, manifest, contents.Entries.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)).ToArray());
        return path;
    }

    [Fact]
    public void A_newer_format_version_asks_for_an_update()
    {
        var path = Rewrite(m => m["formatVersion"] = 99, "newer.zip");

        var error = Assert.Throws<TopicModelException>(() => ModelBundleFile.Load(path));
        Assert.Contains("format version 99 is newer", error.Message);
    }

    [Fact]
    public void A_manifest_taxonomy_that_disagrees_with_the_bundled_one_is_refused()
    {
        var path = Rewrite(m => m["taxonomy"]!["idsHash"] = "0000000000000000", "mismatch.zip");

        Assert.Contains("taxonomy does not match", Assert.Throws<TopicModelException>(() => ModelBundleFile.Load(path)).Message);
    }

    [Fact]
    public void A_zip_from_another_tool_is_not_taken_for_a_bundle()
    {
        var path = Rewrite(m => m.Remove("kind"), "foreign.zip");

        Assert.Contains("not a TopicModel bundle", Assert.Throws<TopicModelException>(() => ModelBundleFile.Load(path)).Message);
    }

    [Fact]
    public void A_truncated_bundle_fails_with_the_file_name()
    {
        var path = Path.Combine(_dir, "truncated.zip");
        var bytes = File.ReadAllBytes(_bundle);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);

        var error = Assert.Throws<TopicModelException>(() => ModelBundleFile.Load(path));
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void Scoring_data_labeled_with_another_taxonomy_is_refused()
    {
        var bundle = ModelBundleFile.Load(_bundle);
        var other = TaxonomyReader.Parse("""{"topics": [{"id": "a"}, {"id": "b"}]}""", "other.json");

        Assert.Contains("does not match the model's", Assert.Throws<TopicModelException>(() => ModelBundleFile.RequireSameTopics(bundle, other, "other.json")).Message);
        ModelBundleFile.RequireSameTopics(bundle, TaxonomyReader.Read(RepoPaths.Taxonomy), RepoPaths.Taxonomy);
    }

    [Fact]
    public void The_bundle_holds_exactly_the_documented_entries()
    {
        using var zip = ZipFile.OpenRead(_bundle);

        Assert.Equal(["manifest.json", "taxonomy.json", "featurizer.bin", "model.bin", "pipeline.json", "lda.bin"], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void The_topic_model_loads_from_the_bundle_with_taxonomy_seeded_topics()
    {
        var lda = ModelBundleFile.Load(_bundle).Lda;
        Assert.NotNull(lda);
        Assert.Equal(14, lda.NumberOfTopics);
        Assert.Equal("unlearning-privacy", lda.Topics[0].SeedLabel);
        Assert.Contains("unlearning", lda.TopTerms(0, 10).Select(t => t.Term));
    }
}
