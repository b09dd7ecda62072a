using TopicModel.ML.Text;

namespace TopicModel.ML.Lda;

/// <summary>
/// Documents as vocabulary ids, back to back (document d is <c>Words[Starts[d]..Starts[d+1]]</c>): one flat
/// array keeps the sampler's sweep sequential in memory.
/// </summary>
internal sealed class LdaCorpus
{
    public LdaCorpus(int[] words, int[] starts, int vocabularySize)
    {
        Words = words;
        Starts = starts;
        VocabularySize = vocabularySize;
    }

    public int[] Words { get; }
    public int[] Starts { get; }
    public int VocabularySize { get; }
    public int DocumentCount => Starts.Length - 1;
    public int TokenCount => Words.Length;

    public ReadOnlySpan<int> Document(int d) => Words.AsSpan(Starts[d], Starts[d + 1] - Starts[d]);

    public static LdaCorpus FromTokens(IReadOnlyList<IReadOnlyList<string>> documents, Vocabulary vocabulary)
    {
        var words = new List<int>();
        var starts = new int[documents.Count + 1];
        for (var d = 0; d < documents.Count; d++)
        {
            foreach (var t in documents[d])
            {
                var id = vocabulary.IdOf(t);
                if (id >= 0) words.Add(id);
            }
            starts[d + 1] = words.Count;
        }
        return new LdaCorpus([.. words], starts, vocabulary.Count);
    }
}
