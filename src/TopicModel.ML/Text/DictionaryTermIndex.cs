namespace TopicModel.ML.Text;

/// <summary>Word n-grams take ids [0, words), char n-grams [words, words + chars): two namespaces, so a
/// char n-gram never shares a feature with an equal word.</summary>
internal sealed class DictionaryTermIndex(Vocabulary words, Vocabulary chars) : FieldTermIndex
{
    public Vocabulary Words { get; } = words;
    public Vocabulary Chars { get; } = chars;

    public override int Size => Words.Count + Chars.Count;

    public override int Lookup(ReadOnlySpan<char> term, bool isCharNgram)
    {
        if (isCharNgram) return Chars.TryGetId(term, out var c) ? Words.Count + c : -1;
        return Words.TryGetId(term, out var w) ? w : -1;
    }

    public override int DocumentFrequency(int id) =>
        id < Words.Count ? Words.DocumentFrequency(id) : Chars.DocumentFrequency(id - Words.Count);

    public override string FeatureTerm(int id) =>
        id < Words.Count ? Words.Term(id) : CharNgramName(Chars.Term(id - Words.Count));

    public override void Write(BinaryWriter writer)
    {
        Words.Save(writer);
        Chars.Save(writer);
    }

    public static DictionaryTermIndex Read(BinaryReader reader, int documentCount)
    {
        var words = Vocabulary.Load(reader);
        var chars = Vocabulary.Load(reader);
        if (words.DocumentCount != documentCount || chars.DocumentCount != documentCount)
            throw new TopicModelException("saved text featurizer is corrupted: vocabulary document counts disagree");
        return new DictionaryTermIndex(words, chars);
    }
}
