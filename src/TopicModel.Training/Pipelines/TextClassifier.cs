using TopicModel.DataPrep.Papers;
using TopicModel.ML;
using TopicModel.ML.Sparse;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;
using TopicModel.Training.Scoring;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// The fitted pipeline a bundle holds: title and abstract -> text features -> multiclass model.
/// Immutable and thread-safe (both parts are).
/// </summary>
public sealed class TextClassifier : IPaperClassifier
{
    public TextClassifier(FittedTextFeaturizer featurizer, IMulticlassModel model)
    {
        if (featurizer.Dimension != model.FeatureCount)
            throw new TopicModelException($"featurizer gives {featurizer.Dimension} features but the model expects {model.FeatureCount}");
        Featurizer = featurizer;
        Model = model;
    }

    public FittedTextFeaturizer Featurizer { get; }
    public IMulticlassModel Model { get; }
    public IReadOnlyList<string> Topics => Model.ClassNames;

    public static string[] Fields(Paper paper) => [paper.Title, paper.Abstract];

    public SparseVector Featurize(Paper paper) => Featurizer.Transform(Fields(paper));

    public void Predict(Paper paper, Span<float> probabilities) => Model.PredictProbabilities(Featurize(paper), probabilities);

    /// <summary>The terms that pushed the paper toward a topic the most, strongest first.</summary>
    public IReadOnlyList<(string Term, float Contribution)> Explain(Paper paper, string topic, int top = 5)
    {
        var index = Topics.ToList().IndexOf(topic);
        if (index < 0) throw new TopicModelException($"unknown topic '{topic}'");
        return Model.Explain(Featurize(paper), index, top).Select(c => (Featurizer.FeatureName(c.Feature), c.Contribution)).ToArray();
    }
}
