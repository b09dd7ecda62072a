namespace TopicModel.ML.Text;

/// <summary>
/// An immutable term &lt;-> id map with the document frequency of each term, built by
/// <see cref="VocabularyBuilder"/>. Lookups take spans, so hot loops need not allocate strings.
/// Thread-safe for reading.
/// </summary>
public sealed class Vocabulary
{
    private const int FormatVersion = 1;

    private readonly string[] _terms;
    private readonly int[] _documentFrequencies;
    // Built on the first look-up: scoring through the scoring lexicon never looks terms up here, and the featurizer's
    // 150,000-term table was a tenth of a one-record `score` (docs/benchmarks.md, issue 21 fifth round). A term listed
    // twice (possible only in a damaged file) fails at that first look-up.
    private readonly Lazy<TermTable> _lookup;

    internal Vocabulary(string[] terms, int[] documentFrequencies, int documentCount)
    {
        _terms = terms;
        _documentFrequencies = documentFrequencies;
        Terms = Array.AsReadOnly(terms);
        DocumentCount = documentCount;
        _lookup = new Lazy<TermTable>(() => new TermTable(terms), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public int Count => _terms.Length;

    /// <summary>Number of documents the vocabulary was counted over.</summary>
    public int DocumentCount { get; }

    /// <summary>The terms in id order.</summary>
    public IReadOnlyList<string> Terms { get; }

    public string Term(int id) => _terms[id];

    /// <summary>In how many of the <see cref="DocumentCount"/> documents the term occurred.</summary>
    public int DocumentFrequency(int id) => _documentFrequencies[id];

    public bool TryGetId(ReadOnlySpan<char> term, out int id) => (id = _lookup.Value.IdOf(term)) >= 0;

    /// <summary>The id of <paramref name="term"/>, or -1 when it is not in the vocabulary.</summary>
    public int IdOf(ReadOnlySpan<char> term) => _lookup.Value.IdOf(term);

    public void Save(BinaryWriter writer)
    {
        writer.Write(FormatVersion);
        writer.Write(DocumentCount);
        writer.Write(_terms.Length);
        for (var i = 0; i < _terms.Length; i++)
        {
            writer.Write(_terms[i]);
            writer.Write(_documentFrequencies[i]);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote; checks every count so a damaged file fails clearly.</summary>
    public static Vocabulary Load(BinaryReader reader)
    {
        try
        {
            var version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new TopicModelException($"vocabulary has format version {version}; this build reads {FormatVersion}");
            var documentCount = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (documentCount < 0 || count < 0)
                throw new TopicModelException($"vocabulary is corrupted: {count} terms over {documentCount} documents");
            // A term takes at least a length byte and a 4-byte frequency.
            IO.BinaryBounds.Count(reader, count, 5, "vocabulary is corrupted: terms");
            var terms = new string[count];
            var frequencies = new int[count];
            for (var i = 0; i < count; i++)
            {
                terms[i] = reader.ReadString();
                frequencies[i] = reader.ReadInt32();
                if (frequencies[i] < 1 || frequencies[i] > documentCount)
                    throw new TopicModelException($"vocabulary is corrupted: term {i} has document frequency {frequencies[i]} of {documentCount}");
            }
            return new Vocabulary(terms, frequencies, documentCount);
        }
        catch (EndOfStreamException e)
        {
            throw new TopicModelException("vocabulary is truncated", inner: e);
        }
    }
}
