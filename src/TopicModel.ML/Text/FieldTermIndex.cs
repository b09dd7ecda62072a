namespace TopicModel.ML.Text;

/// <summary>Maps the terms of one field block to local feature ids in [0, Size).</summary>
internal abstract class FieldTermIndex
{
    public abstract int Size { get; }

    /// <summary>The local id of a term, or -1 when it has no feature.</summary>
    public abstract int Lookup(ReadOnlySpan<char> term, bool isCharNgram);

    /// <summary>In how many training documents the feature occurred (0 for an unseen hash bucket).</summary>
    public abstract int DocumentFrequency(int id);

    /// <summary>A readable name of the term behind a feature.</summary>
    public abstract string FeatureTerm(int id);

    public abstract void Write(BinaryWriter writer);

    /// <summary>How a char n-gram is shown in feature names, to tell it from a word.</summary>
    public static string CharNgramName(string ngram) => $"'{ngram}'";
}
