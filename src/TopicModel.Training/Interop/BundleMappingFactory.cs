using Microsoft.ML.Transforms;
using TopicModel.DataPrep.Papers;
using TopicModel.ML;
using TopicModel.Training.Bundles;

namespace TopicModel.Training.Interop;

/// <summary>
/// The factory ML.NET calls when it loads a saved model that holds a bundle's mapping: ML.NET stores only the
/// contract name of a custom mapping, so the bundle itself comes from <see cref="BundleTransformer.Register"/>.
/// </summary>
[CustomMappingFactoryAttribute(BundleTransformer.ContractName)]
public sealed class BundleMappingFactory : CustomMappingFactory<PaperText, TopicPrediction>
{
    public override Action<PaperText, TopicPrediction> GetMapping() => Mapping(BundleTransformer.Registered
        ?? throw new TopicModelException($"no bundle is registered for the ML.NET model's '{BundleTransformer.ContractName}' mapping: call BundleTransformer.Register(mlContext, bundlePath) before mlContext.Model.Load"));

    internal static Action<PaperText, TopicPrediction> Mapping(ModelBundle bundle)
    {
        var classifier = bundle.Classifier;
        var topics = classifier.Topics;
        return (input, output) =>
        {
            var paper = new Paper(PaperId.FromTitle(input.Title ?? ""), input.Title ?? "", input.Abstract ?? "", "ml.net", null, null, 0);
            var probabilities = new float[topics.Count];
            classifier.Predict(paper, probabilities);
            var best = 0;
            for (var c = 1; c < probabilities.Length; c++)
                if (probabilities[c] > probabilities[best]) best = c;
            output.Topic = topics[best];
            output.Probability = probabilities[best];
            output.Probabilities = probabilities;
        };
    }
}
