using TopicModel.ML;

namespace TopicModel.Training.Scoring;

/// <summary>
/// One of <see cref="Count"/> parts of a scoring job (<c>--shard I/N</c>, I from 0 to N − 1: the numbering of Kubernetes'
/// JOB_COMPLETION_INDEX and of a Slurm array <c>--array=0-(N-1)</c>). See <see cref="ShardPlan"/>.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The whole job: one shard.</summary>
    public static readonly Shard All = new(0, 1);

    /// <summary>Parses "I/N" (e.g. "0/4" … "3/4").</summary>
    /// <exception cref="TopicModelException">Not of that form, or I is outside 0..N−1.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var index) || !int.TryParse(parts[1], out var count))
            throw new TopicModelException($"--shard: expected I/N such as 0/4 (shard I of N, I from 0 to N-1), got '{text}'");
        if (count < 1 || index < 0 || index >= count)
            throw new TopicModelException($"--shard {text}: I must be between 0 and N-1 = {count - 1}, and N at least 1");
        return new Shard(index, count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
