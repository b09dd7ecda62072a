using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// A fitted multiclass classifier. Immutable and safe to share between threads.
/// </summary>
public interface IMulticlassModel
{
    /// <summary>The trainer name that produced it; also the tag its weights are saved under.</summary>
    string TrainerName { get; }

    IReadOnlyList<string> ClassNames { get; }

    int FeatureCount { get; }

    /// <summary>Writes a probability per class into <paramref name="probabilities"/>; they sum to 1.</summary>
    void PredictProbabilities(SparseVector features, Span<float> probabilities);

    /// <summary>
    /// The features that pushed the example toward <paramref name="classIndex"/> the most, strongest first,
    /// as (feature index, contribution) pairs.
    /// </summary>
    IReadOnlyList<FeatureContribution> Explain(SparseVector features, int classIndex, int top);

    /// <summary>Writes the weights in the trainer's compact binary form (read back by <see cref="ModelSerializer"/>).</summary>
    void Save(BinaryWriter writer);
}
