using TopicModel.ML.Data;
using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// Multinomial logistic regression fitted by L-BFGS, with OWL-QN handling the L1 penalty
/// (ML.NET's LbfgsMaximumEntropy). Converges to the exact regularized optimum; example weights scale
/// each example's loss.
/// </summary>
public sealed class LbfgsMaximumEntropy : IMulticlassTrainer
{
    public const string TrainerName = "LbfgsMaximumEntropy";

    public LbfgsMaximumEntropy(LbfgsMaximumEntropyOptions? options = null)
    {
        Options = options ?? new LbfgsMaximumEntropyOptions();
        Validate(Options);
    }

    public LbfgsMaximumEntropyOptions Options { get; }
    public string Name => TrainerName;

    public IMulticlassModel Fit(MulticlassDataset data) => FitModel(data);

    public IMulticlassModel Fit(MulticlassDataset data, CancellationToken cancellation) => FitModel(data, cancellation);

    /// <summary>As <see cref="Fit(MulticlassDataset)"/>, typed to expose the weights.</summary>
    public MaximumEntropyModel FitModel(MulticlassDataset data, CancellationToken cancellation = default)
    {
        TrainingData.Check(data, TrainerName);
        var objective = new SoftmaxObjective(
            CsrMatrix.FromDataset(data), data.Labels, data.Weights, data.ClassCount, Options.L2Regularization, regularizeBias: false);
        var start = new double[objective.Dimension];
        if (Options.InitialWeightsDiameter > 0)
        {
            var random = new Random(Options.Seed);
            for (var i = 0; i < objective.WeightCount; i++)
                start[i] = (random.NextDouble() - 0.5) * Options.InitialWeightsDiameter;
        }
        var result = OwlqnMinimizer.Minimize(
            objective, start, Options.L1Regularization, Options.HistorySize, Options.OptimizationTolerance, Options.MaximumNumberOfIterations, cancellation);
        return SoftmaxObjective.Unpack(TrainerName, data.ClassNames, data.FeatureCount, result.Parameters);
    }

    private static void Validate(LbfgsMaximumEntropyOptions o)
    {
        if (!(o.L2Regularization >= 0) || float.IsInfinity(o.L2Regularization))
            throw new TopicModelException($"{TrainerName}: L2Regularization must be a finite number ≥ 0, not {o.L2Regularization}");
        if (!(o.L1Regularization >= 0) || float.IsInfinity(o.L1Regularization))
            throw new TopicModelException($"{TrainerName}: L1Regularization must be a finite number ≥ 0, not {o.L1Regularization}");
        if (!(o.OptimizationTolerance > 0))
            throw new TopicModelException($"{TrainerName}: OptimizationTolerance must be > 0, not {o.OptimizationTolerance}");
        if (o.HistorySize < 1)
            throw new TopicModelException($"{TrainerName}: HistorySize must be ≥ 1, not {o.HistorySize}");
        if (o.MaximumNumberOfIterations < 1)
            throw new TopicModelException($"{TrainerName}: MaximumNumberOfIterations must be ≥ 1, not {o.MaximumNumberOfIterations}");
        if (!(o.InitialWeightsDiameter >= 0) || float.IsInfinity(o.InitialWeightsDiameter))
            throw new TopicModelException($"{TrainerName}: InitialWeightsDiameter must be a finite number ≥ 0, not {o.InitialWeightsDiameter}");
    }
}
