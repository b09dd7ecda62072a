using System.Runtime.InteropServices;

namespace TopicModel.ML.Text;

/// <summary>
/// Counts terms over documents (total occurrences and document frequency) and builds a
/// <see cref="Vocabulary"/> from them. Call <see cref="NextDocument"/> before each document's terms.
/// Single-threaded; only the first sight of a term allocates its string.
/// </summary>
public sealed class VocabularyBuilder
{
    private readonly Dictionary<string, TermCounts> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermCounts>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public VocabularyBuilder() => _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();

    public int DocumentCount { get; private set; }

    /// <summary>Number of distinct terms seen so far.</summary>
    public int TermCount => _counts.Count;

    public void NextDocument() => DocumentCount++;

    public void Add(ReadOnlySpan<char> term)
    {
        if (DocumentCount == 0)
            throw new InvalidOperationException("call NextDocument before adding the first document's terms");
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, term, out _);
        counts.Occurrences++;
        if (counts.LastDocument != DocumentCount)
        {
            counts.LastDocument = DocumentCount;
            counts.DocumentFrequency++;
        }
    }

    /// <summary>Adds one document made of <paramref name="tokens"/>.</summary>
    public void AddDocument(TokenBuffer tokens)
    {
        NextDocument();
        for (var i = 0; i < tokens.Count; i++) Add(tokens[i]);
    }

    /// <summary>
    /// The terms in at least <paramref name="minDocumentCount"/> documents, the <paramref name="maxSize"/>
    /// most frequent by document frequency (ties by ordinal order, so the result is deterministic);
    /// ids follow that order.
    /// </summary>
    public Vocabulary Build(int minDocumentCount = 1, int maxSize = int.MaxValue)
    {
        if (minDocumentCount < 1)
            throw new TopicModelException($"vocabulary: minimum document count must be at least 1, got {minDocumentCount}");
        if (maxSize < 0)
            throw new TopicModelException($"vocabulary: maximum size must not be negative, got {maxSize}");
        var kept = new List<KeyValuePair<string, TermCounts>>();
        foreach (var entry in _counts)
        {
            if (entry.Value.DocumentFrequency >= minDocumentCount) kept.Add(entry);
        }
        kept.Sort(static (a, b) =>
        {
            var byFrequency = b.Value.DocumentFrequency.CompareTo(a.Value.DocumentFrequency);
            return byFrequency != 0 ? byFrequency : string.CompareOrdinal(a.Key, b.Key);
        });
        var size = Math.Min(kept.Count, maxSize);
        var terms = new string[size];
        var frequencies = new int[size];
        for (var i = 0; i < size; i++)
        {
            terms[i] = kept[i].Key;
            frequencies[i] = kept[i].Value.DocumentFrequency;
        }
        return new Vocabulary(terms, frequencies, DocumentCount);
    }

    /// <summary>Every term seen with its total number of occurrences, in no particular order.</summary>
    internal IEnumerable<(string Term, long Occurrences)> Occurrences()
    {
        foreach (var entry in _counts) yield return (entry.Key, entry.Value.Occurrences);
    }

    private struct TermCounts
    {
        public long Occurrences;
        public int DocumentFrequency;
        public int LastDocument;
    }
}
