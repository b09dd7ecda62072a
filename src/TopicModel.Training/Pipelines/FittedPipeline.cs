using TopicModel.ML.Sparse;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// A pipeline fitted inside a <see cref="PipelineWorkspace"/>: the classifier a bundle would hold, and
/// a fast path that predicts the workspace's own documents from their cached features.
/// </summary>
public sealed class FittedPipeline(TextClassifier classifier, SparseVector[] rows, float[][] votes)
{
    public TextClassifier Classifier { get; } = classifier;

    /// <summary>Same result as <see cref="TextClassifier.Predict"/> on the document's paper, without featurizing it again.</summary>
    public void Predict(int document, Span<float> probabilities)
    {
        Classifier.Model.PredictProbabilities(rows[document], probabilities);
        Classifier.Finish(probabilities, votes[document]);
    }
}
