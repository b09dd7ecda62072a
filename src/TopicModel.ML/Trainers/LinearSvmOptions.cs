namespace TopicModel.ML.Trainers;

/// <summary>
/// Options of <see cref="LinearSvm"/>, named as in ML.NET's LinearSvm. The objective is
/// Lambda/2·(‖w‖² + b²) + the example-weighted mean hinge loss.
/// </summary>
public sealed record LinearSvmOptions
{
    /// <summary>L2 regularization strength; smaller fits the training data more closely.</summary>
    public float Lambda { get; init; } = 0.001f;

    /// <summary>Passes over the data at most; fitting stops earlier once no example violates the optimality conditions by more than a small tolerance.</summary>
    public int NumberOfIterations { get; init; } = 50;

    /// <summary>Visit examples in a fresh seeded random order each pass, which speeds convergence.</summary>
    public bool Shuffle { get; init; } = true;

    public int Seed { get; init; }
}
