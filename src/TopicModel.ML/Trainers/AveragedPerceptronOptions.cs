namespace TopicModel.ML.Trainers;

/// <summary>Options of <see cref="AveragedPerceptron"/>, named as in ML.NET's AveragedPerceptron.</summary>
public sealed record AveragedPerceptronOptions
{
    /// <summary>Size of each update; with unit-norm rows 1 is the classic perceptron step.</summary>
    public float LearningRate { get; init; } = 1f;

    /// <summary>Passes over the data. ML.NET defaults to 1 for large data; a digest of a few hundred papers needs more.</summary>
    public int NumberOfIterations { get; init; } = 10;

    /// <summary>Visit examples in a fresh seeded random order each pass; averaging then smooths out the order's effect.</summary>
    public bool Shuffle { get; init; } = true;

    public int Seed { get; init; }
}
