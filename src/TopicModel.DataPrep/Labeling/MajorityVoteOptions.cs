namespace TopicModel.DataPrep.Labeling;

/// <summary>Options of <see cref="MajorityVoteLabelModel"/>.</summary>
/// <param name="WeightByHits">Count each keyword hit behind a vote, not just the vote.</param>
/// <param name="UseFunctionWeights">Multiply votes by their function's weight (title functions weigh more).</param>
public sealed record MajorityVoteOptions(bool WeightByHits = true, bool UseFunctionWeights = true);
