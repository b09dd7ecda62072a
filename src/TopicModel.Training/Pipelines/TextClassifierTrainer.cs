using TopicModel.ML.Data;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;

namespace TopicModel.Training.Pipelines;

/// <summary>The estimator for <see cref="TextClassifier"/>: fits the featurizer, then the trainer, on the same papers.</summary>
public sealed class TextClassifierTrainer(TextFeaturizerOptions featurizer, IMulticlassTrainer trainer)
{
    public TextFeaturizerOptions FeaturizerOptions { get; } = featurizer;
    public IMulticlassTrainer Trainer { get; } = trainer;

    public TextClassifier Fit(IReadOnlyList<LabeledPaper> papers, IReadOnlyList<string> topics)
    {
        var documents = papers.Select(p => TextClassifier.Fields(p.Paper)).ToArray();
        var featurizer = new TextFeaturizer(FeaturizerOptions).Fit(documents);
        var rows = featurizer.TransformAll(documents);
        var data = new MulticlassDataset(rows, papers.Select(p => p.Topic).ToArray(), topics);
        return new TextClassifier(featurizer, Trainer.Fit(data));
    }
}
