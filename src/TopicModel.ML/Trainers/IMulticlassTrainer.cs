using TopicModel.ML.Data;

namespace TopicModel.ML.Trainers;

/// <summary>An estimator: holds only its options; <see cref="Fit"/> returns an immutable fitted model.</summary>
public interface IMulticlassTrainer
{
    /// <summary>ML.NET's name for the trainer, e.g. "SdcaMaximumEntropy".</summary>
    string Name { get; }

    IMulticlassModel Fit(MulticlassDataset data);

    /// <summary>
    /// As <see cref="Fit(MulticlassDataset)"/>, checking <paramref name="cancellation"/> between passes, so an
    /// AutoML deadline or Ctrl+C stops a long fit within one pass instead of after it. Trainers whose fit is
    /// a single cheap pass keep this default.
    /// </summary>
    IMulticlassModel Fit(MulticlassDataset data, CancellationToken cancellation) => Fit(data);
}
