namespace TopicModel.Training.Scoring;

/// <summary>An input file as the shard planner sees it: its size, and whether records may be split off it by line.</summary>
public sealed record ShardInput(string Path, long Length, bool SplitByLine);

/// <summary>
/// The part of one input a shard scores: the records whose first byte lies in [<see cref="Start"/>, <see cref="End"/>)
/// (whole lines; see <see cref="ShardPlan"/>), or the whole file when <see cref="Whole"/>.
/// </summary>
public sealed record InputSlice(string Path, long Start, long End, bool Whole);

/// <summary>
/// Which part of a list of inputs each of N shards scores, so that N machines share a job and their outputs,
/// concatenated in shard order, are exactly the bytes one machine writes. The inputs are laid end to end as one
/// stream of bytes and cut into N equal byte ranges; shard I takes the records that start in range I. A file that
/// can be split by line (JSON Lines) gives each shard the lines that start in its range; any other file (a digest,
/// CSV, whose records may span lines) goes whole to the shard its first byte falls in. Records keep their order and
/// every record lands in exactly one shard, which is what makes the concatenation exact. Pure: sizes in, slices out.
/// </summary>
public static class ShardPlan
{
    public static IReadOnlyList<InputSlice> Plan(IReadOnlyList<ShardInput> inputs, Shard shard)
    {
        var total = inputs.Sum(i => i.Length);
        var lo = Cut(total, shard.Index, shard.Count);
        var hi = Cut(total, shard.Index + 1, shard.Count);
        var last = shard.Index == shard.Count - 1;
        var slices = new List<InputSlice>();
        long offset = 0;
        foreach (var input in inputs)
        {
            if (input.Length < 0) throw new ArgumentException($"{input.Path}: negative length {input.Length}", nameof(inputs));
            if (!input.SplitByLine || input.Length == 0)
            {
                // Whole: to the shard its first byte falls in (an empty file at the very end: the last shard).
                if ((offset >= lo && offset < hi) || (offset == total && last))
                    slices.Add(new InputSlice(input.Path, 0, input.Length, Whole: true));
            }
            else
            {
                var start = Math.Max(lo, offset) - offset;
                var end = Math.Min(hi, offset + input.Length) - offset;
                if (start < end) slices.Add(new InputSlice(input.Path, start, end, Whole: start == 0 && end == input.Length));
            }
            offset += input.Length;
        }
        return slices;
    }

    /// <summary>⌊total · i / n⌋ without overflow.</summary>
    private static long Cut(long total, int i, int n) => (long)((Int128)total * i / n);
}
