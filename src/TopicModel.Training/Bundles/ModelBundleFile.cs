using System.Text;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;
using TopicModel.ML.Lda;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;
using TopicModel.Training.Pipelines;

namespace TopicModel.Training.Bundles;

/// <summary>
/// Saves and loads <see cref="ModelBundle"/>s (models/&lt;name&gt;.zip): manifest.json, taxonomy.json,
/// featurizer.bin, model.bin and, when a topic model was fitted, lda.bin. Loading checks the format version, every checksum, and that the
/// taxonomy, featurizer and model agree with each other and with the manifest.
/// </summary>
public static class ModelBundleFile
{
    public const int FormatVersion = 1;
    public const string Kind = "topicmodel-bundle";
    public const string LdaEntry = "lda.bin";

    public static void Save(string path, ModelBundle bundle)
    {
        var manifest = (JsonObject)bundle.Manifest.DeepClone();
        manifest["formatVersion"] = FormatVersion;
        manifest["kind"] = Kind;
        manifest["taxonomy"] = new JsonObject
        {
            ["name"] = bundle.Taxonomy.Name,
            ["ids"] = new JsonArray(bundle.Taxonomy.Ids.Select(id => (JsonNode)JsonValue.Create(id)!).ToArray()),
            ["idsHash"] = bundle.Taxonomy.IdsHash,
        };
        List<(string, byte[])> entries =
        [
            ("taxonomy.json", bundle.TaxonomyJson),
            ("featurizer.bin", Serialize(bundle.Classifier.Featurizer.Save)),
            ("model.bin", Serialize(w => ModelSerializer.Save(bundle.Classifier.Model, w))),
            ("pipeline.json", Encoding.UTF8.GetBytes(PipelineJson(bundle.Classifier).ToJsonString())),
        ];
        if (bundle.Lda is { } lda) entries.Add((LdaEntry, Serialize(lda.Save)));
        BundleArchive.Write(path, manifest, entries);
    }

    public static ModelBundle Load(string path) => Load(BundleArchive.Read(path));

    /// <summary>Turns verified entries into a model; every entry is checked again here, as if its checksum could lie.</summary>
    public static ModelBundle Load(BundleContents contents)
    {
        try
        {
            return LoadChecked(contents);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or System.Text.Json.JsonException or ArgumentException)
        {
            // A manifest value of the wrong JSON type (or with invalid UTF-8, or a key twice) surfaces only when it is read.
            throw new TopicModelException($"the manifest is damaged: {e.Message}", contents.Path, inner: e);
        }
    }

    private static ModelBundle LoadChecked(BundleContents contents)
    {
        var path = contents.Path;
        var manifest = contents.Manifest;
        // Read now, not on first use, so a damaged name fails here rather than in the middle of a report.
        _ = manifest["name"]?.GetValue<string>();
        if (manifest["kind"]?.GetValue<string>() != Kind)
            throw new TopicModelException("not a TopicModel bundle (manifest kind is missing or different)", path);
        var version = manifest["formatVersion"]?.GetValue<int>() ?? 0;
        if (version > FormatVersion)
            throw new TopicModelException($"bundle format version {version} is newer than this build reads ({FormatVersion}); update topicmodel", path);
        if (version < 1)
            throw new TopicModelException("bundle manifest has no valid formatVersion", path);

        var taxonomyJson = contents.Entry("taxonomy.json");
        var taxonomy = TaxonomyReader.Parse(Encoding.UTF8.GetString(taxonomyJson), $"{path}!taxonomy.json");
        var expectedHash = manifest["taxonomy"]?["idsHash"]?.GetValue<string>();
        if (expectedHash != taxonomy.IdsHash)
            throw new TopicModelException("bundle taxonomy does not match its manifest", path);

        var featurizer = Deserialize(contents.Entry("featurizer.bin"), FittedTextFeaturizer.Load, path, "featurizer.bin");
        var model = Deserialize(contents.Entry("model.bin"), ModelSerializer.Load, path, "model.bin");
        if (!model.ClassNames.SequenceEqual(taxonomy.Ids))
            throw new TopicModelException("the model's classes are not the bundle taxonomy's topics", path);
        // Optional: bundles trained without a topic model (or before there was one) have no lda.bin.
        var lda = contents.Entries.ContainsKey(LdaEntry) ? Deserialize(contents.Entry(LdaEntry), LdaModel.Load, path, LdaEntry) : null;
        try
        {
            var (rules, ruleWeight, blend, topicWeight) = ReadPipeline(contents, taxonomy, path);
            if (topicWeight > 0 && lda is null)
                throw new TopicModelException($"pipeline.json uses topic features (topicFeatureWeight {topicWeight}) but the bundle has no {LdaEntry}", path);
            return new ModelBundle(manifest, taxonomy, taxonomyJson, new TextClassifier(featurizer, model, rules, ruleWeight, blend, lda, topicWeight), lda);
        }
        catch (TopicModelException e)
        {
            throw new TopicModelException(e.Problem, path, inner: e);
        }
    }

    /// <summary>Fails when data labeled with <paramref name="taxonomy"/> cannot be compared with this bundle's predictions.</summary>
    public static void RequireSameTopics(ModelBundle bundle, Taxonomy taxonomy, string taxonomySource)
    {
        if (bundle.Taxonomy.IdsHash != taxonomy.IdsHash)
            throw new TopicModelException(
                $"taxonomy does not match the model's: the model predicts [{string.Join(", ", bundle.Taxonomy.Ids)}]", taxonomySource);
    }

    /// <summary>How the classifier combines text, rules and the rules' vote; the rules themselves are rebuilt from the bundle's taxonomy.</summary>
    private static JsonObject PipelineJson(TextClassifier c) => new()
    {
        ["formatVersion"] = 1,
        ["ruleWeight"] = c.RuleWeight,
        ["labelModelBlend"] = c.LabelModelBlend,
        ["topicFeatureWeight"] = c.TopicFeatureWeight,
        ["rules"] = c.Rules is null ? null : new JsonObject
        {
            ["titleWeight"] = c.Rules.Functions.Options.TitleWeight,
            ["minKeywordHits"] = c.Rules.Functions.Options.MinKeywordHits,
        },
    };

    private static (RuleFeatures? Rules, float RuleWeight, float Blend, float TopicWeight) ReadPipeline(BundleContents contents, Taxonomy taxonomy, string path)
    {
        if (!contents.Entries.TryGetValue("pipeline.json", out var bytes)) return (null, 1f, 0f, 0f);
        try
        {
            var o = JsonNode.Parse(bytes)?.AsObject() ?? throw new TopicModelException("pipeline.json is empty", path);
            if (o["formatVersion"]?.GetValue<int>() is not 1)
                throw new TopicModelException("pipeline.json has an unknown formatVersion", path);
            var ruleWeight = o["ruleWeight"]?.GetValue<float>() ?? throw new TopicModelException("pipeline.json has no ruleWeight", path);
            var blend = o["labelModelBlend"]?.GetValue<float>() ?? throw new TopicModelException("pipeline.json has no labelModelBlend", path);
            // Optional: bundles from before topic features have none.
            var topicWeight = o["topicFeatureWeight"]?.GetValue<float>() ?? 0f;
            RuleFeatures? rules = null;
            if (o["rules"] is JsonObject r)
            {
                var options = new LabelingOptions(
                    TitleWeight: r["titleWeight"]?.GetValue<double>() ?? throw new TopicModelException("pipeline.json rules have no titleWeight", path),
                    MinKeywordHits: r["minKeywordHits"]?.GetValue<int>() ?? throw new TopicModelException("pipeline.json rules have no minKeywordHits", path));
                rules = new RuleFeatures(taxonomy, options);
            }
            return (rules, ruleWeight, blend, topicWeight);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new TopicModelException($"pipeline.json is not valid: {e.Message}", path, inner: e);
        }
    }

    private static byte[] Serialize(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)) write(writer);
        return stream.ToArray();
    }

    private static T Deserialize<T>(byte[] bytes, Func<BinaryReader, T> read, string path, string entry)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        try
        {
            var value = read(reader);
            if (reader.BaseStream.Position != bytes.Length)
                throw new TopicModelException($"{entry} has {bytes.Length - reader.BaseStream.Position} unexpected trailing bytes", path);
            return value;
        }
        catch (TopicModelException e) when (e.File is null)
        {
            throw new TopicModelException($"{entry}: {e.Problem}", path, inner: e);
        }
        catch (EndOfStreamException e)
        {
            throw new TopicModelException($"{entry} is truncated", path, inner: e);
        }
        catch (Exception e) when (e is FormatException or IOException or OverflowException or ArgumentException or InvalidOperationException)
        {
            // What BinaryReader and the model constructors throw on bytes they cannot make sense of (bad string lengths, invalid UTF-8).
            throw new TopicModelException($"{entry} is corrupted: {e.Message}", path, inner: e);
        }
    }
}
