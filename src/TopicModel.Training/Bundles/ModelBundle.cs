using System.Text.Json.Nodes;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;
using TopicModel.ML.Lda;
using TopicModel.ML.MultiLabel;
using TopicModel.Training.Pipelines;

namespace TopicModel.Training.Bundles;

/// <summary>
/// A trained model as it travels: the classifier, the taxonomy it predicts (with the original file's
/// bytes, so the bundle stands alone), the manifest that says how it was made, and optionally the LDA topic
/// model fitted beside the classifier. A distilled bundle also carries its teacher (manifest key <see cref="TeacherKey"/>):
/// <see cref="Classifier"/> is then the fast lexical student that scores by default, and <see cref="AsTeacher"/> the
/// accurate, slow model it learned from.
/// </summary>
public sealed record ModelBundle(JsonObject Manifest, Taxonomy Taxonomy, byte[] TaxonomyJson, TextClassifier Classifier, LdaModel? Lda = null)
{
    /// <summary>The manifest's description of a distilled bundle's teacher (pipeline, encoder, metrics, thresholds).</summary>
    public const string TeacherKey = "teacher";

    public string Name => Manifest["name"]?.GetValue<string>() ?? "model";

    private TopicThresholds? _thresholds;

    /// <summary>How a paper's probabilities become its topics (primary + secondaries), from the manifest; primary only for older bundles.</summary>
    public TopicThresholds Thresholds => _thresholds ??= TopicThresholdsJson.Read(Manifest, Taxonomy, Name);

    private Lazy<TextClassifier>? _teacher;

    /// <summary>A teacher in memory (training); loading sets <see cref="TeacherLoader"/> instead.</summary>
    public TextClassifier? TeacherClassifier
    {
        get => _teacher?.Value;
        init => _teacher = value is null ? null : new Lazy<TextClassifier>(value);
    }

    /// <summary>Builds the teacher on first use: its encoder costs a second or more to open, and default scoring never needs it.</summary>
    public Func<TextClassifier>? TeacherLoader
    {
        init => _teacher = value is null ? null : new Lazy<TextClassifier>(value);
    }

    public bool HasTeacher => _teacher is not null;

    /// <summary>
    /// The same bundle scoring with its teacher (and the teacher's topic thresholds): `score --accurate`, `evaluate --accurate`.
    /// Fails when the bundle was not distilled, or when the teacher's encoder cannot be loaded.
    /// </summary>
    public ModelBundle AsTeacher()
    {
        if (_teacher is null)
            throw new TopicModelException("this model has no teacher (it was trained without distillation, or its chosen pipeline reads no sentence vectors): score it without --accurate");
        var manifest = (JsonObject)Manifest.DeepClone();
        var teacher = manifest[TeacherKey]!.AsObject();
        manifest.Remove(TopicThresholdsJson.Key);
        if (teacher[TopicThresholdsJson.Key] is JsonNode t) manifest[TopicThresholdsJson.Key] = t.DeepClone();
        manifest["name"] = Name + " (teacher)";
        foreach (var key in new[] { "featurizer", "featureCount", "trainer", "pipeline", "encoder" })
            manifest[key] = teacher[key]?.DeepClone();
        return new ModelBundle(manifest, Taxonomy, TaxonomyJson, _teacher.Value, Lda);
    }
}
