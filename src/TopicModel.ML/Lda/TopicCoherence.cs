namespace TopicModel.ML.Lda;

/// <summary>
/// Topic coherence of ranked top-term lists over a <see cref="CoherenceReference"/>: one routine for every
/// system compared, so numbers differ only because the topics do.
/// <list type="bullet">
/// <item>UMass (Mimno et al. 2011): mean over ordered pairs (i later than j) of log((D(w_i, w_j) + 1) / D(w_j)).</item>
/// <item>NPMI (Bouma 2009; Röder et al. 2015): mean over pairs of log(P(i,j) / P(i)P(j)) / −log P(i,j), with
/// document probabilities; −1 for pairs that never co-occur.</item>
/// </list>
/// Terms absent from the reference corpus count as never co-occurring (NPMI −1) and are skipped by UMass,
/// whose denominator would be zero.
/// </summary>
public static class TopicCoherence
{
    public static double UMass(IReadOnlyList<string> topTerms, CoherenceReference reference)
    {
        double sum = 0;
        var pairs = 0;
        for (var i = 1; i < topTerms.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var dj = reference.DocumentFrequency(topTerms[j]);
                if (dj == 0) continue;
                sum += Math.Log((reference.CoDocumentFrequency(topTerms[i], topTerms[j]) + 1.0) / dj);
                pairs++;
            }
        }
        return pairs == 0 ? double.NaN : sum / pairs;
    }

    public static double Npmi(IReadOnlyList<string> topTerms, CoherenceReference reference)
    {
        double n = reference.DocumentCount, sum = 0;
        var pairs = 0;
        for (var i = 1; i < topTerms.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                pairs++;
                var both = reference.CoDocumentFrequency(topTerms[i], topTerms[j]);
                if (both == 0)
                {
                    sum -= 1;
                    continue;
                }
                var pij = both / n;
                if (pij >= 1) { sum += 1; continue; }
                var pi = reference.DocumentFrequency(topTerms[i]) / n;
                var pj = reference.DocumentFrequency(topTerms[j]) / n;
                sum += Math.Log(pij / (pi * pj)) / -Math.Log(pij);
            }
        }
        return pairs == 0 ? double.NaN : sum / pairs;
    }

    /// <summary>Per-topic and mean UMass and NPMI of <paramref name="topics"/> (each a ranked term list).</summary>
    public static CoherenceScores Score(IReadOnlyList<IReadOnlyList<string>> topics, CoherenceReference reference)
    {
        var umass = topics.Select(t => UMass(t, reference)).ToArray();
        var npmi = topics.Select(t => Npmi(t, reference)).ToArray();
        return new CoherenceScores(umass, npmi, MeanOfFinite(umass), MeanOfFinite(npmi));
    }

    private static double MeanOfFinite(double[] values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? double.NaN : finite.Average();
    }
}
