using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Ingestion;
using TopicModel.Embeddings;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.Training.Tests.Pipelines;

/// <summary>
/// A model with MiniLM sentence-vector features, trained on 48 real training-digest papers (their reviewed labels), so
/// the test embeds about 60 texts: the bundle records the encoder, round-trips predictions, and refuses an encoder
/// this build does not have or whose weights differ.
/// </summary>
public sealed class EmbeddingPipelineTests : IDisposable
{
    private readonly TempRecipe _recipe;
    private readonly TrainingResult _result;

    public EmbeddingPipelineTests()
    {
        _recipe = new TempRecipe(json =>
        {
            var papers = Path.Combine(System.IO.Directory.GetParent(json["data"]!["prepared"]!.GetValue<string>())!.FullName, "train-48.jsonl");
            File.WriteAllLines(papers, PaperReader.ReadFile(RepoPaths.TrainingDigest).Papers.Take(48)
                .Select(p => JsonSerializer.Serialize(new { title = p.Title, @abstract = p.Abstract })));
            var data = json["data"]!.AsObject();
            data["train"] = new JsonArray(papers);
            data.Remove("unlabeled");
            data.Remove("forward");
            json["lda"] = new JsonObject { ["enabled"] = false };
            json["automl"] = new JsonObject
            {
                ["maxTrials"] = 2,
                ["folds"] = 3,
                ["searchSpace"] = new JsonObject { ["encoder"] = "MiniLM", ["trainer"] = "SdcaMaximumEntropy" },
            };
        });
        _result = TrainingRunTests.Train(RecipeReader.Read(_recipe.RecipePath));
    }

    public void Dispose() => _recipe.Dispose();

    [Fact]
    public void The_bundle_records_the_encoder_and_its_hash_and_predicts_the_same_after_loading()
    {
        var encoder = SentenceEncoderCatalog.Open("MiniLM", EmbeddingCache.DefaultRoot);
        var manifest = _result.Bundle.Manifest;
        Assert.Equal("MiniLM", manifest["encoder"]!["name"]!.GetValue<string>());
        Assert.Equal(encoder.ModelHash, manifest["encoder"]!["modelHash"]!.GetValue<string>());
        Assert.Equal("MiniLM", manifest["pipeline"]!["encoder"]!.GetValue<string>());

        var trained = _result.Bundle.Classifier;
        var loaded = ModelBundleFile.Load(_result.BundlePath).Classifier;
        Assert.Same(encoder, loaded.Encoder);
        Assert.Equal(trained.EmbeddingWeight, loaded.EmbeddingWeight);
        var featureCount = trained.Model.FeatureCount;
        Assert.Equal(featureCount, loaded.Model.FeatureCount);
        // The sentence vector is the last block, after the text (and rule) features.
        var start = featureCount - encoder.Dimension;
        Assert.True(start >= trained.Featurizer.Dimension);

        var a = new float[trained.Topics.Count];
        var b = new float[trained.Topics.Count];
        foreach (var paper in PaperReader.ReadFile(RepoPaths.HeldOutDigest).Papers.Take(5))
        {
            trained.Predict(paper, a);
            loaded.Predict(paper, b);
            Assert.Equal(a, b);
            // The last block is the paper's sentence vector times the weight, named after the encoder.
            var features = loaded.Featurize(paper);
            Assert.Equal(featureCount, features.Dimension);
            Assert.Equal("embedding:MiniLM:0", loaded.FeatureName(start));
            Assert.Equal($"embedding:MiniLM:{encoder.Dimension - 1}", loaded.FeatureName(featureCount - 1));
            var vector = encoder.Embed(TextClassifier.EmbeddingText(paper));
            var last = features.Indices.ToArray().Select((index, k) => (index, k)).Where(x => x.index >= start).ToArray();
            Assert.Equal(encoder.Dimension, last.Length);
            foreach (var (index, k) in last)
                Assert.Equal(vector[index - start] * loaded.EmbeddingWeight, features.Values[k]);
        }
    }

    [Fact]
    public void A_bundle_whose_encoder_weights_differ_is_refused_naming_both_hashes()
    {
        var path = RewritePipeline(o => o["encoder"]!["modelHash"] = new string('0', 64), "other-hash.zip");
        var e = Assert.Throws<TopicModelException>(() => ModelBundleFile.Load(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains("trained with sentence encoder MiniLM of model hash 000000000000", e.Message);
        Assert.Contains(SentenceEncoderCatalog.Open("MiniLM", null).ModelHash[..12], e.Message);
    }

    [Fact]
    public void A_bundle_whose_encoder_this_build_does_not_have_is_refused()
    {
        var path = RewritePipeline(o => o["encoder"]!["name"] = "MiniLM-L12", "missing-encoder.zip");
        var e = Assert.Throws<TopicModelException>(() => ModelBundleFile.Load(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains("the model needs the sentence encoder MiniLM-L12", e.Message);
        Assert.Contains("unknown sentence encoder 'MiniLM-L12'", e.Message);
    }

    private string RewritePipeline(Action<JsonObject> edit, string name)
    {
        var contents = BundleArchive.Read(_result.BundlePath);
        var manifest = (JsonObject)contents.Manifest.DeepClone();
        manifest.Remove("entries");
        var pipeline = JsonNode.Parse(contents.Entries["pipeline.json"])!.AsObject();
        edit(pipeline);
        var entries = contents.Entries.OrderBy(e => e.Key)
            .Select(e => (e.Key, e.Key == "pipeline.json" ? Encoding.UTF8.GetBytes(pipeline.ToJsonString()) : e.Value)).ToArray();
        var path = Path.Combine(_recipe.Directory, name);
        BundleArchive.Write(path, manifest, entries);
        return path;
    }
}
