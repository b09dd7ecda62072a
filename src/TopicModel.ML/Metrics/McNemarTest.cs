using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace TopicModel.ML.Metrics;

/// <summary>
/// McNemar's test of two classifiers on the same examples. Only the discordant pairs matter:
/// <see cref="OnlyBaselineCorrect"/> (b) and <see cref="OnlyCandidateCorrect"/> (c). Under the null hypothesis
/// of equal error rates each discordant pair is a fair coin flip.
/// <see cref="ExactPValue"/>: two-sided binomial test, min(1, 2·P[X ≤ min(b, c)]), X ~ Bin(b + c, ½); use it
/// when b + c is small (below ~25). <see cref="ChiSquare"/>: Edwards' continuity-corrected statistic
/// max(0, |b − c| − 1)² / (b + c) with its 1-degree-of-freedom <see cref="ChiSquarePValue"/>.
/// With no discordant pairs both p-values are 1 and the statistic 0.
/// </summary>
public sealed record McNemarTest(
    int BothCorrect,
    int OnlyBaselineCorrect,
    int OnlyCandidateCorrect,
    int BothWrong,
    double ExactPValue,
    double ChiSquare,
    double ChiSquarePValue)
{
    /// <summary>Tests the 2×2 table of correct/incorrect outcomes.</summary>
    public static McNemarTest FromCounts(int bothCorrect, int onlyBaselineCorrect, int onlyCandidateCorrect, int bothWrong)
    {
        if (bothCorrect < 0 || onlyBaselineCorrect < 0 || onlyCandidateCorrect < 0 || bothWrong < 0)
            throw new TopicModelException(
                $"McNemar counts must be non-negative, got [{bothCorrect}, {onlyBaselineCorrect}, {onlyCandidateCorrect}, {bothWrong}].");
        var discordant = onlyBaselineCorrect + onlyCandidateCorrect;
        if (discordant == 0)
            return new McNemarTest(bothCorrect, 0, 0, bothWrong, 1, 0, 1);

        var smaller = Math.Min(onlyBaselineCorrect, onlyCandidateCorrect);
        var exact = Math.Min(1.0, 2 * Binomial.CDF(0.5, discordant, smaller));
        var excess = Math.Max(0, Math.Abs(onlyBaselineCorrect - onlyCandidateCorrect) - 1);
        var chiSquare = (double)excess * excess / discordant;
        // P[χ²₁ > x] = erfc(√(x/2)); erfc keeps precision for tiny p where 1 − CDF would round to 0.
        var chiSquareP = SpecialFunctions.Erfc(Math.Sqrt(chiSquare / 2));
        return new McNemarTest(bothCorrect, onlyBaselineCorrect, onlyCandidateCorrect, bothWrong, exact, chiSquare, chiSquareP);
    }

    /// <summary>Tests per-example correctness of two models on the same examples.</summary>
    public static McNemarTest FromOutcomes(ReadOnlySpan<bool> baselineCorrect, ReadOnlySpan<bool> candidateCorrect)
    {
        if (baselineCorrect.Length != candidateCorrect.Length)
            throw new TopicModelException(
                $"McNemar needs both models' outcomes on the same examples, got {baselineCorrect.Length} and {candidateCorrect.Length}.");
        int both = 0, onlyBaseline = 0, onlyCandidate = 0, neither = 0;
        for (var i = 0; i < baselineCorrect.Length; i++)
        {
            switch (baselineCorrect[i], candidateCorrect[i])
            {
                case (true, true): both++; break;
                case (true, false): onlyBaseline++; break;
                case (false, true): onlyCandidate++; break;
                default: neither++; break;
            }
        }
        return FromCounts(both, onlyBaseline, onlyCandidate, neither);
    }
}
