namespace TopicModel.Training.Scoring;

/// <summary>What a scoring run did: every input record is counted in exactly one of Scored or Rejected.</summary>
public sealed record ScoringSummary(long Scored, long Rejected, long Warnings, TimeSpan Elapsed)
{
    public double PapersPerSecond => Elapsed.TotalSeconds > 0 ? Scored / Elapsed.TotalSeconds : 0;
}
