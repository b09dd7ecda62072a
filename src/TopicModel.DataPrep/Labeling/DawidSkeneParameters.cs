namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// Log class priors and, per function, log P(output | class) laid out
/// [class * <see cref="OutputLayout.Count"/> + output].
/// </summary>
internal sealed record DawidSkeneParameters(OutputLayout Layout, double[] LogPrior, double[][] LogTheta)
{
    public int ClassCount => LogPrior.Length;

    /// <summary>Fills <paramref name="posteriors"/> for <paramref name="rows"/> and returns the data log-likelihood.</summary>
    public double EStep(LabelMatrix matrix, int[] rows, double[] posteriors)
    {
        const int chunkSize = 2048;
        var k = ClassCount;
        var allAbstain = AllAbstainLogLikelihood();
        // Rows are independent; per-chunk sums added in chunk order keep the result identical on any core count.
        var chunkLogLikelihood = new double[(rows.Length + chunkSize - 1) / chunkSize];
        Parallel.For(0, chunkLogLikelihood.Length, chunk =>
        {
            Span<double> scores = stackalloc double[k];
            var sum = 0.0;
            var end = Math.Min(rows.Length, (chunk + 1) * chunkSize);
            for (var r = chunk * chunkSize; r < end; r++)
            {
                sum += Posterior(matrix.Votes(rows[r]), matrix.HitsOf(rows[r]), allAbstain, scores);
                scores.CopyTo(posteriors.AsSpan(r * k, k));
            }
            chunkLogLikelihood[chunk] = sum;
        });
        var logLikelihood = 0.0;
        foreach (var c in chunkLogLikelihood) logLikelihood += c;
        return logLikelihood;
    }

    /// <summary>Σ_j log P(abstain | class) per class plus the log prior: the score of a paper before its votes are read.</summary>
    public double[] AllAbstainLogLikelihood()
    {
        var k = ClassCount;
        var v = Layout.Count;
        var baseScore = (double[])LogPrior.Clone();
        foreach (var theta in LogTheta)
        {
            for (var c = 0; c < k; c++) baseScore[c] += theta[c * v + OutputLayout.Abstain];
        }
        return baseScore;
    }

    /// <summary>Writes P(class | votes) into <paramref name="scores"/> and returns log P(votes).</summary>
    public double Posterior(ReadOnlySpan<int> votes, ReadOnlySpan<int> hits, double[] allAbstain, Span<double> scores)
    {
        var k = ClassCount;
        var v = Layout.Count;
        allAbstain.CopyTo(scores);
        for (var j = 0; j < votes.Length; j++)
        {
            if (votes[j] == LabelMatrix.Abstain) continue;
            var theta = LogTheta[j];
            var o = Layout.Of(votes[j], hits[j]);
            for (var c = 0; c < k; c++) scores[c] += theta[c * v + o] - theta[c * v + OutputLayout.Abstain];
        }
        var max = double.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        var sum = 0.0;
        for (var c = 0; c < k; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            sum += scores[c];
        }
        for (var c = 0; c < k; c++) scores[c] /= sum;
        return max + Math.Log(sum);
    }
}
