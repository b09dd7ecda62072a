using System.Globalization;
using System.Text.Json.Nodes;
using TopicModel.ML;
using TopicModel.Embeddings;
using TopicModel.ML.AutoML;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;
using TopicModel.MLNet;
using TopicModel.Training.Pipelines;

namespace TopicModel.Training.AutoML;

/// <summary>
/// The one place the AutoML search space is declared: featurizer options × trainers × their
/// hyperparameters × how rules, pool and taxonomy take part. Every default is the cheap, safe end, so
/// cost-frugal search starts there. A recipe may narrow or fix any dimension
/// (<see cref="Override"/>); dimensions about the pool, weak labels or topic features are dropped when the data
/// or the recipe has none. The sentence-encoder dimensions are searched only when the recipe lists encoders
/// (<c>"encoder": ["none", "MiniLM"]</c>): the first embedding of the corpus costs minutes on 2 cores.
/// </summary>
public static class PipelineSearchSpace
{
    public const string Trainer = "trainer";
    public const string Encoder = "encoder";

    public static IReadOnlyList<Hyperparameter> Declared { get; } =
    [
        new IntHyperparameter("featurizer.maxWordNgramLength", 1, 2, 1),
        new ChoiceHyperparameter("featurizer.charNgrams", ["off", "on"], "off"),
        new IntHyperparameter("featurizer.minDocumentCount", 1, 3, 2),
        new ChoiceHyperparameter("featurizer.titleWeight", ["0.3", "0.5", "1", "1.5", "2", "3"], "1"),
        new ChoiceHyperparameter(Trainer,
            [SdcaMaximumEntropy.TrainerName, LbfgsMaximumEntropy.TrainerName, NaiveBayes.TrainerName, OneVersusAll.TrainerName, FastTree.TrainerName,
             .. MlNetTrainer.Names],
            SdcaMaximumEntropy.TrainerName),
        new FloatHyperparameter("SdcaMaximumEntropy.l2Regularization", 1e-6, 1e-2, 1e-4, Log: true),
        new FloatHyperparameter("LbfgsMaximumEntropy.l2Regularization", 1e-3, 1, 0.1, Log: true),
        new FloatHyperparameter("LbfgsMaximumEntropy.l1Regularization", 0, 0.1, 0),
        // Fixed, not searched: they bound a trial's cost (L-BFGS would otherwise run to 1e-7).
        new IntHyperparameter("LbfgsMaximumEntropy.maximumNumberOfIterations", 100, 100, 100),
        new FloatHyperparameter("LbfgsMaximumEntropy.optimizationTolerance", 1e-5, 1e-5, 1e-5),
        new ChoiceHyperparameter("NaiveBayes.variant", ["Complement", "Multinomial"], "Complement"),
        new FloatHyperparameter("NaiveBayes.alpha", 1e-3, 1, 1e-2, Log: true),
        new ChoiceHyperparameter("NaiveBayes.fitPriors", ["false", "true"], "false"),
        new ChoiceHyperparameter("NaiveBayes.normalizeWeights", ["true", "false"], "true"),
        // One-versus-all over a linear SVM, calibrated on its training margins (out-of-fold calibration costs 5x).
        new ChoiceHyperparameter("OneVersusAll.binaryLearner", ["LinearSvm"], "LinearSvm"),
        new FloatHyperparameter("OneVersusAll.lambda", 1e-5, 1e-1, 1e-3, Log: true),
        new IntHyperparameter("OneVersusAll.calibrationFolds", 1, 1, 1),
        // One Platt fit for all classes keeps the SVMs' order of classes; per-class fits on training scores reorder them.
        new ChoiceHyperparameter("OneVersusAll.sharedCalibration", ["false", "true"], "false"),
        // Boosted trees: the cheap end is few small trees; cost grows with trees × leaves × classes.
        new IntHyperparameter("FastTree.numberOfLeaves", 4, 32, 8, Log: true),
        new IntHyperparameter("FastTree.numberOfTrees", 20, 200, 50, Log: true),
        new FloatHyperparameter("FastTree.learningRate", 0.05, 0.5, 0.2, Log: true),
        new IntHyperparameter("FastTree.minimumExampleCountPerLeaf", 2, 20, 10),
        // ML.NET's trainers on our features, over the same ranges as ours where they share a hyperparameter, so the
        // search compares implementations rather than ranges (docs/benchmarks.md, "ML.NET trainers").
        new FloatHyperparameter("MLNet.SdcaMaximumEntropy.l2Regularization", 1e-6, 1e-2, 1e-4, Log: true),
        new FloatHyperparameter("MLNet.LbfgsMaximumEntropy.l2Regularization", 1e-3, 1, 0.1, Log: true),
        new FloatHyperparameter("MLNet.LbfgsMaximumEntropy.l1Regularization", 0, 0.1, 0),
        new IntHyperparameter("MLNet.LbfgsMaximumEntropy.maximumNumberOfIterations", 100, 100, 100),
        new IntHyperparameter("MLNet.LightGbm.numberOfLeaves", 4, 32, 8, Log: true),
        new IntHyperparameter("MLNet.LightGbm.numberOfTrees", 20, 200, 50, Log: true),
        new FloatHyperparameter("MLNet.LightGbm.learningRate", 0.05, 0.5, 0.2, Log: true),
        new IntHyperparameter("MLNet.LightGbm.minimumExampleCountPerLeaf", 2, 20, 10),
        new IntHyperparameter("MLNet.OneVersusAllFastTree.numberOfLeaves", 4, 32, 8, Log: true),
        new IntHyperparameter("MLNet.OneVersusAllFastTree.numberOfTrees", 20, 200, 50, Log: true),
        new FloatHyperparameter("MLNet.OneVersusAllFastTree.learningRate", 0.05, 0.5, 0.2, Log: true),
        new IntHyperparameter("MLNet.OneVersusAllFastTree.minimumExampleCountPerLeaf", 2, 20, 10),
        new FloatHyperparameter("MLNet.OneVersusAllLinearSvm.lambda", 1e-5, 1e-1, 1e-3, Log: true),
        new IntHyperparameter("MLNet.OneVersusAllLinearSvm.numberOfIterations", 1, 50, 1, Log: true),
        new FloatHyperparameter("ruleWeight", 0, 8, 0),
        new FloatHyperparameter("labelModelBlend", 0, 0.8, 0),
        new FloatHyperparameter("taxonomyPriorWeight", 0, 20, 0),
        new FloatHyperparameter("topicFeatureWeight", 0, 8, 0),
        // Sentence embeddings: opt-in (see For), since embedding the corpus costs minutes on 2 cores the first time.
        new ChoiceHyperparameter(Encoder, [SentenceEncoderCatalog.None, .. SentenceEncoderCatalog.Known.Select(s => s.Name)], SentenceEncoderCatalog.None),
        new FloatHyperparameter("embeddingWeight", 0.25, 8, 1, Log: true),
        new FloatHyperparameter("classBalance", 0, 1, 0),
        new FloatHyperparameter("weakLabelWeight", 0, 1, 1),
        new FloatHyperparameter("poolWeight", 0, 0.5, 0),
        new ChoiceHyperparameter("selfTraining", ["off", "on"], "off"),
        new FloatHyperparameter("selfTrainingThreshold", 0.5, 0.99, 0.9),
        new FloatHyperparameter("selfTrainingWeight", 0.1, 1, 0.5),
    ];

    /// <summary>
    /// The declared space for this data, with the recipe's overrides applied. Overrides map a dimension
    /// name to a fixed value (number or string), a list of allowed options (choices), or
    /// {"min", "max", "default", "log"} (numbers).
    /// </summary>
    /// <param name="at">Where the overrides are in the recipe, for messages.</param>
    public static SearchSpace For(TrainingCorpus corpus, JsonObject? overrides, string file, bool hasTopicModel = false, string at = "$.automl.searchSpace")
    {
        var hasWeak = corpus.Labeled.Any(p => !p.Reviewed);
        var hasPool = corpus.Pool.Count > 0;
        var hasEncoders = overrides?.ContainsKey(Encoder) == true;
        var dimensions = Declared.Where(d => d.Name switch
        {
            "weakLabelWeight" => hasWeak,
            "topicFeatureWeight" => hasTopicModel,
            Encoder or "embeddingWeight" => hasEncoders,
            "poolWeight" or "selfTraining" or "selfTrainingThreshold" or "selfTrainingWeight" => hasPool,
            _ => true,
        }).ToList();
        if (overrides is not null)
        {
            foreach (var (name, value) in overrides)
            {
                var i = dimensions.FindIndex(d => d.Name == name);
                if (i < 0)
                    throw new TopicModelException($"{at}.{name}: {Unavailable(name, dimensions)}", file);
                dimensions[i] = Override(dimensions[i], value, $"{at}.{name}", file);
            }
        }
        return new SearchSpace(dimensions);
    }

    /// <summary>Why a name is not a dimension here: declared but dropped for this data or recipe, or unknown.</summary>
    private static string Unavailable(string name, IEnumerable<Hyperparameter> here) => name switch
    {
        "topicFeatureWeight" => "not searched here: topic features need the recipe's topic model (enable $.lda)",
        "poolWeight" or "selfTraining" or "selfTrainingThreshold" or "selfTrainingWeight" => "not searched here: the data has no unlabeled pool papers",
        "weakLabelWeight" => "not searched here: every training paper has a reviewed label",
        Encoder or "embeddingWeight" => "not searched here: sentence embeddings are searched only when the recipe lists encoders in $.automl.searchSpace.encoder, e.g. [\"none\", \"MiniLM\"]",
        _ => $"unknown hyperparameter; known here: {string.Join(", ", here.Select(d => d.Name))}",
    };

    public static Hyperparameter Override(Hyperparameter declared, JsonNode? value, string path, string file)
    {
        try
        {
            return (declared, value) switch
            {
                (ChoiceHyperparameter c, JsonArray list) => new ChoiceHyperparameter(c.Name, list.Select(v => AllowedOption(c, v, path, file)).ToArray(),
                    list.Select(v => v?.ToString()).Contains(c.DefaultValue) ? c.DefaultValue : null),
                (ChoiceHyperparameter c, JsonValue v) => new ChoiceHyperparameter(c.Name, [AllowedOption(c, v, path, file)]),
                (FloatHyperparameter f, JsonValue v) => new FloatHyperparameter(f.Name, Number(v), Number(v), Number(v)),
                (IntHyperparameter n, JsonValue v) => new IntHyperparameter(n.Name, (int)Number(v), (int)Number(v), (int)Number(v)),
                (FloatHyperparameter f, JsonObject o) => Range(f, o),
                (IntHyperparameter n, JsonObject o) => IntRange(n, o),
                _ => throw new TopicModelException(declared is ChoiceHyperparameter
                    ? "expected one option or a list of options"
                    : "expected a number or {\"min\", \"max\", \"default\", \"log\"}"),
            };
        }
        catch (TopicModelException e) when (e.File is null)
        {
            throw new TopicModelException($"{path}: {e.Problem}", file);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new TopicModelException($"{path}: {e.Message}", file);
        }
    }

    /// <summary>
    /// A configuration written in the recipe (name → value; names left out take the space's default),
    /// checked against the space: unknown names, options that are not offered and numbers out of range
    /// fail with the JSON path.
    /// </summary>
    public static Configuration FromJson(JsonObject o, SearchSpace space, string path, string file)
    {
        var values = space.Default().Values.ToDictionary();
        foreach (var (name, node) in o)
        {
            var d = space.Dimensions.FirstOrDefault(x => x.Name == name)
                ?? throw new TopicModelException($"{path}.{name}: {Unavailable(name, space.Dimensions)}", file);
            values[name] = (d, node) switch
            {
                (ChoiceHyperparameter c, JsonValue v) => AllowedOption(c, v, $"{path}.{name}", file),
                (FloatHyperparameter f, JsonValue v) when v.TryGetValue<double>(out var x) && x >= f.Min && x <= f.Max => x,
                (IntHyperparameter n, JsonValue v) when v.TryGetValue<int>(out var k) && k >= n.Min && k <= n.Max => k,
                (FloatHyperparameter f, _) => throw new TopicModelException($"{path}.{name}: expected a number in [{f.Min}, {f.Max}]", file),
                (IntHyperparameter n, _) => throw new TopicModelException($"{path}.{name}: expected an integer in [{n.Min}, {n.Max}]", file),
                _ => throw new TopicModelException($"{path}.{name}: expected one of {string.Join(", ", ((ChoiceHyperparameter)d).Options)}", file),
            };
        }
        return new Configuration(values);
    }

    /// <summary>The pipeline a configuration describes.</summary>
    public static PipelineOptions ToPipeline(Configuration c)
    {
        var trainer = c.String(Trainer);
        var trainerOptions = new JsonObject();
        foreach (var (name, value) in c.Values)
        {
            if (!name.StartsWith(trainer + ".", StringComparison.Ordinal)) continue;
            trainerOptions[name[(trainer.Length + 1)..]] = value switch
            {
                double d => JsonValue.Create(d),
                int i => JsonValue.Create(i),
                "true" or "false" => JsonValue.Create((string)value == "true"),
                _ => JsonValue.Create((string)value),
            };
        }
        return new PipelineOptions
        {
            Featurizer = new TextFeaturizerOptions
            {
                MaxWordNgramLength = c.Int("featurizer.maxWordNgramLength"),
                CharNgrams = c.String("featurizer.charNgrams") == "on",
                MinDocumentCount = c.Int("featurizer.minDocumentCount"),
                FieldWeights = [float.Parse(c.String("featurizer.titleWeight"), CultureInfo.InvariantCulture), 1f],
                FieldNames = ["title", "abstract"],
            },
            Trainer = trainer,
            TrainerOptions = trainerOptions,
            RuleWeight = (float)c.Double("ruleWeight"),
            LabelModelBlend = (float)c.Double("labelModelBlend"),
            TaxonomyPriorWeight = (float)c.Double("taxonomyPriorWeight"),
            TopicFeatureWeight = c.Has("topicFeatureWeight") ? (float)c.Double("topicFeatureWeight") : 0f,
            ClassBalance = (float)c.Double("classBalance"),
            WeakLabelWeight = c.Has("weakLabelWeight") ? (float)c.Double("weakLabelWeight") : 1f,
            PoolWeight = c.Has("poolWeight") ? (float)c.Double("poolWeight") : 0f,
            SelfTrainingThreshold = c.Has("selfTraining") && c.String("selfTraining") == "on" ? (float)c.Double("selfTrainingThreshold") : 0f,
            SelfTrainingWeight = c.Has("selfTrainingWeight") ? (float)c.Double("selfTrainingWeight") : 0.5f,
            Encoder = EncoderOf(c),
            EmbeddingWeight = EncoderOf(c) is null ? 0f : (float)c.Double("embeddingWeight"),
        };
    }

    private static string? EncoderOf(Configuration c) =>
        c.Has(Encoder) && c.String(Encoder) is var name && name != SentenceEncoderCatalog.None ? name : null;

    /// <summary>The encoders a search over <paramref name="space"/> may choose (their vectors are computed before it starts).</summary>
    public static IReadOnlyList<string> Encoders(SearchSpace space) =>
        space.Dimensions.OfType<ChoiceHyperparameter>().Where(d => d.Name == Encoder)
            .SelectMany(d => d.Options).Where(o => o != SentenceEncoderCatalog.None).ToArray();

    /// <summary>
    /// The configuration with every hyperparameter that cannot change the pipeline (another trainer's,
    /// self-training settings while it is off) set to its default in <paramref name="space"/>, so two
    /// configurations that train the same pipeline have the same key and run once.
    /// </summary>
    public static Configuration Canonical(Configuration c, SearchSpace space)
    {
        var trainer = c.String(Trainer);
        var selfTraining = !c.Has("selfTraining") || c.String("selfTraining") == "on";
        var encoder = EncoderOf(c) is not null;
        var defaults = space.Dimensions.ToDictionary(d => d.Name, d => d.Default);
        return new Configuration(c.Values.Select(kv =>
        {
            var otherTrainer = kv.Key.Contains('.') && !kv.Key.StartsWith("featurizer.", StringComparison.Ordinal)
                && !kv.Key.StartsWith(trainer + ".", StringComparison.Ordinal);
            var idleSelfTraining = !selfTraining && kv.Key is "selfTrainingThreshold" or "selfTrainingWeight";
            var idleEmbedding = !encoder && kv.Key == "embeddingWeight";
            return otherTrainer || idleSelfTraining || idleEmbedding ? KeyValuePair.Create(kv.Key, defaults[kv.Key]) : kv;
        }));
    }

    /// <summary>The configuration with hyperparameters of trainers it does not use removed (for display and the manifest).</summary>
    public static IEnumerable<KeyValuePair<string, object>> Relevant(Configuration c)
    {
        var trainer = c.String(Trainer);
        return c.Values.Where(kv => !kv.Key.Contains('.') || kv.Key.StartsWith("featurizer.", StringComparison.Ordinal) || kv.Key.StartsWith(trainer + ".", StringComparison.Ordinal));
    }

    private static FloatHyperparameter Range(FloatHyperparameter f, JsonObject o)
    {
        var min = Get(o, "min", f.Min);
        var max = Get(o, "max", f.Max);
        if (!(min <= max)) throw new TopicModelException($"hyperparameter '{f.Name}': needs finite min <= max, got [{min}, {max}]");
        foreach (var key in o.Select(kv => kv.Key))
        {
            if (key is not ("min" or "max" or "default" or "log")) throw new TopicModelException($"unknown property '{key}' (expected min, max, default, log)");
        }
        return new FloatHyperparameter(f.Name, min, max, Get(o, "default", Math.Clamp(f.DefaultValue, min, max)), o["log"]?.GetValue<bool>() ?? (f.Log && min > 0));
    }

    private static IntHyperparameter IntRange(IntHyperparameter n, JsonObject o)
    {
        var min = (int)Get(o, "min", n.Min);
        var max = (int)Get(o, "max", n.Max);
        if (min > max) throw new TopicModelException($"hyperparameter '{n.Name}': needs min <= max, got [{min}, {max}]");
        return new IntHyperparameter(n.Name, min, max, (int)Get(o, "default", Math.Clamp(n.DefaultValue, min, max)), o["log"]?.GetValue<bool>() ?? n.Log);
    }

    private static double Get(JsonObject o, string name, double fallback) => o[name] is JsonValue v ? Number(v) : fallback;

    private static double Number(JsonValue v) =>
        v.TryGetValue<double>(out var d) ? d : throw new TopicModelException($"expected a number, got {v.ToJsonString()}");

    private static string AllowedOption(ChoiceHyperparameter c, JsonNode? v, string path, string file)
    {
        var s = v is JsonValue jv && jv.TryGetValue<string>(out var str) ? str : v?.ToJsonString() ?? "null";
        if (!c.Options.Contains(s))
            throw new TopicModelException($"{path}: '{s}' is not an option of {c.Name}; options: {string.Join(", ", c.Options)}", file);
        return s;
    }
}
