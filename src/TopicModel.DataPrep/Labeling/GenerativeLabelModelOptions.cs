using TopicModel.ML;

namespace TopicModel.DataPrep.Labeling;

/// <summary>Options of <see cref="GenerativeLabelModel"/>.</summary>
/// <param name="MaxIterations">Upper bound on EM iterations.</param>
/// <param name="Tolerance">Stop when the mean log-likelihood per paper improves by less than this.</param>
/// <param name="Smoothing">Dirichlet pseudo-count added to every (function, class, output) cell, so a
/// function seen on few papers of a class keeps sane probabilities instead of 0 or 1.</param>
/// <param name="PriorSmoothing">Pseudo-count added to every class when estimating class priors.</param>
/// <param name="HitLevels">Votes are told apart by keyword hits up to this many (2: one mention vs.
/// several), each level with its own learned reliability; 1 treats every vote alike.</param>
public sealed record GenerativeLabelModelOptions(
    int MaxIterations = 200,
    double Tolerance = 1e-7,
    double Smoothing = 1.0,
    double PriorSmoothing = 1.0,
    int HitLevels = 2)
{
    public void Validate()
    {
        if (MaxIterations < 1)
            throw new TopicModelException($"generative label model: MaxIterations must be at least 1, got {MaxIterations}");
        if (!double.IsFinite(Tolerance) || Tolerance < 0)
            throw new TopicModelException($"generative label model: Tolerance must be a non-negative number, got {Tolerance}");
        if (!double.IsFinite(Smoothing) || Smoothing <= 0)
            throw new TopicModelException($"generative label model: Smoothing must be positive, got {Smoothing}");
        if (HitLevels is < 1 or > 8)
            throw new TopicModelException($"generative label model: HitLevels must be between 1 and 8, got {HitLevels}");
        if (!double.IsFinite(PriorSmoothing) || PriorSmoothing <= 0)
            throw new TopicModelException($"generative label model: PriorSmoothing must be positive, got {PriorSmoothing}");
    }
}
