using System.Text.Json.Nodes;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.Training.Pipelines;

namespace TopicModel.Training.Bundles;

/// <summary>
/// A trained model as it travels: the classifier, the taxonomy it predicts (with the original file's
/// bytes, so the bundle stands alone) and the manifest that says how it was made.
/// </summary>
public sealed record ModelBundle(JsonObject Manifest, Taxonomy Taxonomy, byte[] TaxonomyJson, TextClassifier Classifier)
{
    public string Name => Manifest["name"]?.GetValue<string>() ?? "model";
}
