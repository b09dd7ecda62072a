using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.Embeddings;
using TopicModel.ML;
using TopicModel.ML.Lda;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;
using TopicModel.MLNet;
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

    /// <summary>A distilled bundle's teacher: featurizer.bin, model.bin and pipeline.json under this prefix.</summary>
    public const string TeacherPrefix = "teacher-";

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
        if (bundle.TeacherClassifier is { } teacher)
        {
            entries.Add((TeacherPrefix + "featurizer.bin", Serialize(teacher.Featurizer.Save)));
            entries.Add((TeacherPrefix + "model.bin", Serialize(w => ModelSerializer.Save(teacher.Model, w))));
            entries.Add((TeacherPrefix + "pipeline.json", Encoding.UTF8.GetBytes(PipelineJson(teacher).ToJsonString())));
        }
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

        // Optional: bundles trained without a topic model (or before there was one) have no lda.bin.
        // Read beside the classifier's parts (see Classifier).
        var lda = Task.Factory.StartNew(() => contents.Entries.ContainsKey(LdaEntry) ? Deserialize(contents.Entry(LdaEntry), LdaModel.Load, path, LdaEntry) : null);
        var classifier = Classifier(contents, taxonomy, lda, "");
        var hasTeacher = manifest[ModelBundle.TeacherKey] is JsonObject;
        if (hasTeacher != contents.Entries.ContainsKey(TeacherPrefix + "model.bin"))
            throw new TopicModelException(hasTeacher ? $"the manifest names a teacher but the bundle has no {TeacherPrefix}model.bin" : $"the bundle has {TeacherPrefix}model.bin but the manifest names no teacher", path);
        return new ModelBundle(manifest, taxonomy, taxonomyJson, classifier, lda.Result)
        {
            TeacherLoader = hasTeacher ? () => Classifier(contents, taxonomy, lda, TeacherPrefix) : null,
        };
    }

    /// <summary>
    /// How model.bin's ML.NET models are read: by ML.NET, which builds them through reflection and emitted code. A native-AOT
    /// build (`topicmodel-score`) has neither; there the branch is compiled out, ML.NET with it, and such a bundle fails
    /// with a clear error (exit 2) pointing to `topicmodel score`.
    /// </summary>
    private static IReadOnlyDictionary<string, Func<BinaryReader, IMulticlassModel>> MlNetLoaders(string path) =>
        RuntimeFeature.IsDynamicCodeSupported
            ? MlNetModel.Loaders
            : new[] { MlNetTrainer.LightGbm, MlNetTrainer.OneVersusAllFastTree, MlNetTrainer.OneVersusAllLinearSvm, MlNetTrainer.NaiveBayes }
                .ToDictionary(tag => tag, tag => (Func<BinaryReader, IMulticlassModel>)(_ => throw new TopicModelException(
                    $"its classifier is an ML.NET model ({tag}), which the native topicmodel-score cannot run: score this bundle with `topicmodel score`", path)));

    /// <summary>
    /// The classifier whose entries are featurizer.bin, model.bin and pipeline.json under <paramref name="prefix"/>. The
    /// parts are read on all cores (LDA, featurizer, model and rules took 50–75, 55–75, 25–35 and 20 ms one after the other:
    /// docs/benchmarks.md, issue 21 fifth round); a damaged bundle fails with the error of the first part in that order.
    /// The tasks go to the current scheduler (the thread pool, or the caller's thread when a test counts its allocations).
    /// </summary>
    private static TextClassifier Classifier(BundleContents contents, Taxonomy taxonomy, Task<LdaModel?> ldaTask, string prefix)
    {
        var path = contents.Path;
        var modelTask = Task.Factory.StartNew(() => Deserialize(contents.Entry(prefix + "model.bin"), r => ModelSerializer.Load(r, MlNetLoaders(path)), path, prefix + "model.bin"));
        var pipelineTask = Task.Factory.StartNew(() => ReadPipeline(contents, taxonomy, path, prefix + "pipeline.json"));
        var featurizerTask = Task.Factory.StartNew(() => Deserialize(contents.Entry(prefix + "featurizer.bin"), FittedTextFeaturizer.Load, path, prefix + "featurizer.bin"));
        var lda = ldaTask.GetAwaiter().GetResult();
        var featurizer = featurizerTask.GetAwaiter().GetResult();
        var model = modelTask.GetAwaiter().GetResult();
        if (!model.ClassNames.SequenceEqual(taxonomy.Ids))
            throw new TopicModelException($"the {prefix}model's classes are not the bundle taxonomy's topics", path);
        try
        {
            var (rules, ruleWeight, blend, topicWeight, encoder, embeddingWeight) = pipelineTask.GetAwaiter().GetResult();
            if (topicWeight > 0 && lda is null)
                throw new TopicModelException($"{prefix}pipeline.json uses topic features (topicFeatureWeight {topicWeight}) but the bundle has no {LdaEntry}", path);
            return new TextClassifier(featurizer, model, rules, ruleWeight, blend, lda, topicWeight, encoder, embeddingWeight);
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
        ["encoder"] = c.Encoder is null ? null : TrainingRun.EncoderJson(c.Encoder),
        ["embeddingWeight"] = c.EmbeddingWeight,
        ["rules"] = c.Rules is null ? null : new JsonObject
        {
            ["titleWeight"] = c.Rules.Functions.Options.TitleWeight,
            ["minKeywordHits"] = c.Rules.Functions.Options.MinKeywordHits,
        },
    };

    private static (RuleFeatures? Rules, float RuleWeight, float Blend, float TopicWeight, SentenceEncoder? Encoder, float EmbeddingWeight) ReadPipeline(
        BundleContents contents, Taxonomy taxonomy, string path, string entry)
    {
        if (!contents.Entries.TryGetValue(entry, out var bytes)) return (null, 1f, 0f, 0f, null, 0f);
        try
        {
            var o = JsonNode.Parse(bytes)?.AsObject() ?? throw new TopicModelException($"{entry} is empty", path);
            if (o["formatVersion"]?.GetValue<int>() is not 1)
                throw new TopicModelException($"{entry} has an unknown formatVersion", path);
            var ruleWeight = o["ruleWeight"]?.GetValue<float>() ?? throw new TopicModelException($"{entry} has no ruleWeight", path);
            var blend = o["labelModelBlend"]?.GetValue<float>() ?? throw new TopicModelException($"{entry} has no labelModelBlend", path);
            // Optional: bundles from before topic features have none.
            var topicWeight = o["topicFeatureWeight"]?.GetValue<float>() ?? 0f;
            RuleFeatures? rules = null;
            if (o["rules"] is JsonObject r)
            {
                var options = new LabelingOptions(
                    TitleWeight: r["titleWeight"]?.GetValue<double>() ?? throw new TopicModelException($"{entry} rules have no titleWeight", path),
                    MinKeywordHits: r["minKeywordHits"]?.GetValue<int>() ?? throw new TopicModelException($"{entry} rules have no minKeywordHits", path));
                rules = new RuleFeatures(taxonomy, options);
            }
            // Optional: bundles from before sentence embeddings have none.
            var encoder = o["encoder"] is JsonObject e ? Encoder(e, path) : null;
            var embeddingWeight = o["embeddingWeight"]?.GetValue<float>() ?? 0f;
            return (rules, ruleWeight, blend, topicWeight, encoder, embeddingWeight);
        }
        // ArgumentException: an object with a key twice (System.Text.Json reports it when the object is first read).
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new TopicModelException($"{entry} is not valid: {e.Message}", path, inner: e);
        }
    }

    /// <summary>
    /// The sentence encoder pipeline.json names, opened from this build's encoders (vectors cached under
    /// <see cref="EmbeddingCache.DefaultRoot"/>); fails when it is missing or its weights differ from those trained with.
    /// </summary>
    private static SentenceEncoder Encoder(JsonObject e, string path)
    {
        var name = e["name"]?.GetValue<string>() ?? throw new TopicModelException("pipeline.json encoder has no name", path);
        var hash = e["modelHash"]?.GetValue<string>() ?? throw new TopicModelException("pipeline.json encoder has no modelHash", path);
        SentenceEncoder encoder;
        try
        {
            encoder = SentenceEncoderCatalog.Open(name, EmbeddingCache.DefaultRoot);
        }
        catch (TopicModelException x)
        {
            throw new TopicModelException($"the model needs the sentence encoder {name} (model hash {hash[..Math.Min(12, hash.Length)]}), which cannot be loaded: {x.Message}", path, inner: x);
        }
        if (encoder.ModelHash != hash)
            throw new TopicModelException(
                $"the model was trained with sentence encoder {name} of model hash {hash[..Math.Min(12, hash.Length)]}, but this build's {encoder.Spec.Package} has {encoder.ModelHash[..12]}: "
                + "its vectors would not be the ones the model learned from; retrain, or install the package version the manifest names", path);
        return encoder;
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
