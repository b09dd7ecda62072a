namespace TopicModel.DataPrep.Labeling;

/// <summary>A fitted <see cref="GenerativeLabelModel"/>: class priors and per-function output distributions.</summary>
public sealed class FittedGenerativeLabelModel : IFittedLabelModel
{
    private readonly DawidSkeneParameters _parameters;
    private readonly IReadOnlyList<string> _functionNames;
    private readonly IReadOnlyList<string> _classNames;

    internal FittedGenerativeLabelModel(DawidSkeneParameters parameters, IReadOnlyList<string> functionNames, IReadOnlyList<string> classNames,
        int iterations, bool converged, double meanLogLikelihood)
    {
        _parameters = parameters;
        _functionNames = functionNames;
        _classNames = classNames;
        Iterations = iterations;
        Converged = converged;
        MeanLogLikelihood = meanLogLikelihood;
        ClassPriors = parameters.LogPrior.Select(Math.Exp).ToArray();
        Functions = functionNames.Select((name, j) => Estimate(name, parameters.LogTheta[j])).ToArray();
    }

    public string Name => "Generative";
    public IReadOnlyList<LabelingFunctionEstimate> Functions { get; }

    /// <summary>Estimated share of each class, in class order.</summary>
    public IReadOnlyList<double> ClassPriors { get; }
    public int Iterations { get; }
    /// <summary>False when EM stopped at MaxIterations before reaching the tolerance.</summary>
    public bool Converged { get; }
    /// <summary>Mean log-likelihood per fitted paper at the last E-step.</summary>
    public double MeanLogLikelihood { get; }

    public IReadOnlyList<WeakLabel?> Predict(LabelMatrix matrix)
    {
        LabelModelChecks.RequireCompatible(Name, _functionNames, _classNames, matrix);
        var k = matrix.ClassCount;
        var allAbstain = _parameters.AllAbstainLogLikelihood();
        var labels = new WeakLabel?[matrix.PaperCount];
        var scores = new double[k];
        for (var i = 0; i < matrix.PaperCount; i++)
        {
            if (!matrix.IsCovered(i))
            {
                labels[i] = LabelModelChecks.Fallback(matrix);
                continue;
            }
            _parameters.Posterior(matrix.Votes(i), matrix.HitsOf(i), allAbstain, scores);
            labels[i] = new WeakLabel(matrix.ClassNames[LabelModelChecks.ArgMax(scores)], LabelModelChecks.ToProbabilities(scores), matrix.FiredFunctions(i));
        }
        return labels;
    }

    /// <summary>Accuracy = P(vote is the true class | votes), propensity = P(votes), both under the priors.</summary>
    private LabelingFunctionEstimate Estimate(string name, double[] logTheta)
    {
        var layout = _parameters.Layout;
        var k = ClassPriors.Count;
        var v = layout.Count;
        double propensity = 0, correct = 0;
        for (var c = 0; c < k; c++)
        {
            propensity += ClassPriors[c] * (1 - Math.Exp(logTheta[c * v + OutputLayout.Abstain]));
            for (var level = 1; level <= layout.HitLevels; level++)
                correct += ClassPriors[c] * Math.Exp(logTheta[c * v + layout.Of(c, level)]);
        }
        return new LabelingFunctionEstimate(name, propensity > 0 ? correct / propensity : 0, propensity);
    }
}
