namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// How the generative model numbers a function's outputs: 0 = abstain, then one output per
/// (hit level, class). With several hit levels a vote backed by many keyword hits is a different,
/// separately calibrated output than a single passing mention.
/// </summary>
internal readonly record struct OutputLayout(int ClassCount, int HitLevels)
{
    public const int Abstain = 0;

    public int Count => 1 + ClassCount * HitLevels;

    public int Of(int vote, int hits) =>
        vote == LabelMatrix.Abstain ? Abstain : 1 + (Math.Min(Math.Max(hits, 1), HitLevels) - 1) * ClassCount + vote;
}
