using TopicModel.ML.Data;

namespace TopicModel.ML.Trainers;

/// <summary>An estimator: holds only its options; <see cref="Fit"/> returns an immutable fitted model.</summary>
public interface IMulticlassTrainer
{
    /// <summary>ML.NET's name for the trainer, e.g. "SdcaMaximumEntropy".</summary>
    string Name { get; }

    IMulticlassModel Fit(MulticlassDataset data);
}
