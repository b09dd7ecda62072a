namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// A label model's output for one paper.
/// </summary>
/// <param name="Topic">The topic the label model chose: the most probable one, ties broken its own way (majority vote: the topic more functions supported).</param>
/// <param name="Probabilities">One probability per taxonomy topic, in taxonomy order; sums to 1.</param>
/// <param name="FiredFunctions">Names of the functions that voted on the paper.</param>
public sealed record WeakLabel(string Topic, float[] Probabilities, IReadOnlyList<string> FiredFunctions)
{
    /// <summary>
    /// <see cref="Probabilities"/> with <see cref="Topic"/> (at <paramref name="topicIndex"/>) strictly first, for scoring the
    /// weak labeler as a classifier: on a tied vote argmax (lowest index first) would pick another topic than the label the
    /// paper carries. The nudge (1e-4 relative) survives renormalizing and moves the log-loss by less than that.
    /// </summary>
    public float[] RankedProbabilities(int topicIndex)
    {
        var p = Probabilities;
        var top = p.Max();
        if (Array.IndexOf(p, top) == topicIndex) return p;
        var moved = (float[])p.Clone();
        moved[topicIndex] = top * 1.0001f;
        var total = moved.Sum();
        for (var k = 0; k < moved.Length; k++) moved[k] /= total;
        return moved;
    }
}
