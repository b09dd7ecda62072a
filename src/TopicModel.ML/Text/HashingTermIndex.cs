namespace TopicModel.ML.Text;

/// <summary>
/// Hashed terms: document frequency per bucket and, per bucket, the most frequent training term so
/// features stay explainable.
/// </summary>
internal sealed class HashingTermIndex(TermHasher hasher, int[] documentFrequencies, string?[] names) : FieldTermIndex
{
    private readonly int[] _documentFrequencies = documentFrequencies;
    private readonly string?[] _names = names;

    public override int Size => hasher.Size;

    public override int Lookup(ReadOnlySpan<char> term, bool isCharNgram) => hasher.Bucket(term, isCharNgram);

    public override int DocumentFrequency(int id) => _documentFrequencies[id];

    public override string FeatureTerm(int id) => _names[id] ?? $"hash#{id}";

    public override void Write(BinaryWriter writer)
    {
        WriteSparse(writer, _documentFrequencies, static df => df != 0, static (w, df) => w.Write(df));
        WriteSparse(writer, _names, static name => name is not null, static (w, name) => w.Write(name!));
    }

    public static HashingTermIndex Read(BinaryReader reader, TermHasher hasher, int documentCount)
    {
        var size = hasher.Size;
        var frequencies = new int[size];
        ReadSparse(reader, size, "document frequencies", r =>
        {
            var df = r.ReadInt32();
            return df >= 1 && df <= documentCount ? df : throw Corrupted($"bucket document frequency {df} of {documentCount}");
        }, frequencies);
        var names = new string?[size];
        ReadSparse(reader, size, "bucket names", r => r.ReadString(), names);
        return new HashingTermIndex(hasher, frequencies, names);
    }

    private static void WriteSparse<T>(BinaryWriter writer, T[] values, Func<T, bool> present, Action<BinaryWriter, T> write)
    {
        writer.Write(values.Count(present));
        for (var i = 0; i < values.Length; i++)
        {
            if (!present(values[i])) continue;
            writer.Write(i);
            write(writer, values[i]);
        }
    }

    private static void ReadSparse<T>(BinaryReader reader, int size, string what, Func<BinaryReader, T> read, T[] into)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > size) throw Corrupted($"{count} {what} for {size} buckets");
        var previous = -1;
        for (var k = 0; k < count; k++)
        {
            var bucket = reader.ReadInt32();
            if (bucket <= previous || bucket >= size) throw Corrupted($"{what}: bucket {bucket} out of order or range");
            into[bucket] = read(reader);
            previous = bucket;
        }
    }

    private static TopicModelException Corrupted(string detail) => new($"saved text featurizer is corrupted: {detail}");
}
