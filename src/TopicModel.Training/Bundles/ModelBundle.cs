using System.Text.Json.Nodes;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML.Lda;
using TopicModel.ML.MultiLabel;
using TopicModel.Training.Pipelines;

namespace TopicModel.Training.Bundles;

/// <summary>
/// A trained model as it travels: the classifier, the taxonomy it predicts (with the original file's
/// bytes, so the bundle stands alone), the manifest that says how it was made, and optionally the LDA topic
/// model fitted beside the classifier.
/// </summary>
public sealed record ModelBundle(JsonObject Manifest, Taxonomy Taxonomy, byte[] TaxonomyJson, TextClassifier Classifier, LdaModel? Lda = null)
{
    public string Name => Manifest["name"]?.GetValue<string>() ?? "model";

    private TopicThresholds? _thresholds;

    /// <summary>How a paper's probabilities become its topics (primary + secondaries), from the manifest; primary only for older bundles.</summary>
    public TopicThresholds Thresholds => _thresholds ??= TopicThresholdsJson.Read(Manifest, Taxonomy, Name);
}
