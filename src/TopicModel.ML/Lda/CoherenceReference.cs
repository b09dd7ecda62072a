namespace TopicModel.ML.Lda;

/// <summary>
/// A reference corpus for topic coherence: which documents contain which terms (boolean document
/// co-occurrence, as UMass is defined and as NPMI is commonly computed). Built once, it scores the top terms of
/// any topic model, ours or another system's, with the same counts. Thread-safe for reading.
/// </summary>
public sealed class CoherenceReference
{
    private readonly Dictionary<string, int[]> _postings;

    public CoherenceReference(IEnumerable<IEnumerable<string>> documents)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var d = 0;
        foreach (var document in documents)
        {
            foreach (var term in document.Distinct(StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add(d);
            }
            d++;
        }
        if (d == 0) throw new TopicModelException("coherence: the reference corpus has no documents");
        DocumentCount = d;
        _postings = postings.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    public int DocumentCount { get; }

    /// <summary>Documents containing <paramref name="term"/>.</summary>
    public int DocumentFrequency(string term) => _postings.TryGetValue(term, out var p) ? p.Length : 0;

    /// <summary>Documents containing both terms (merge of two sorted posting lists).</summary>
    public int CoDocumentFrequency(string a, string b)
    {
        if (!_postings.TryGetValue(a, out var x) || !_postings.TryGetValue(b, out var y)) return 0;
        int i = 0, j = 0, n = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j]) { n++; i++; j++; }
            else if (x[i] < y[j]) i++;
            else j++;
        }
        return n;
    }
}
