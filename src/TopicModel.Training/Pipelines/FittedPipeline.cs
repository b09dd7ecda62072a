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
        var blend = Classifier.LabelModelBlend;
        if (blend == 0) return;
        var v = votes[document];
        for (var c = 0; c < probabilities.Length; c++) probabilities[c] = (1 - blend) * probabilities[c] + blend * v[c];
    }
}
