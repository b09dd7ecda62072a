namespace TopicModel.ML.Text;

/// <summary>
/// Hashes terms into 2^bits buckets. Char n-grams hash with a derived seed so they land independently
/// of equal words. Keeps, per bucket, the most frequent training term so features stay explainable.
/// </summary>
internal sealed class HashingTermIndex : FieldTermIndex
{
    private const uint CharSeedSalt = 0x9E3779B9;

    private readonly int[] _documentFrequencies;
    private readonly string?[] _names;
    private readonly uint _wordSeed;
    private readonly uint _charSeed;
    private readonly uint _mask;

    public HashingTermIndex(int bits, uint seed, int[] documentFrequencies, string?[] names)
    {
        Bits = bits;
        Seed = seed;
        _wordSeed = seed;
        _charSeed = seed ^ CharSeedSalt;
        _mask = (1u << bits) - 1;
        _documentFrequencies = documentFrequencies;
        _names = names;
    }

    public int Bits { get; }
    public uint Seed { get; }

    public override int Size => 1 << Bits;

    public override int Lookup(ReadOnlySpan<char> term, bool isCharNgram) =>
        (int)(MurmurHash3.Hash(term, isCharNgram ? _charSeed : _wordSeed) & _mask);

    public override int DocumentFrequency(int id) => _documentFrequencies[id];

    public override string FeatureTerm(int id) => _names[id] ?? $"hash#{id}";

    public override void Write(BinaryWriter writer)
    {
        WriteSparse(writer, _documentFrequencies, static df => df != 0, static (w, df) => w.Write(df));
        WriteSparse(writer, _names, static name => name is not null, static (w, name) => w.Write(name!));
    }

    public static HashingTermIndex Read(BinaryReader reader, int bits, uint seed, int documentCount)
    {
        var size = 1 << bits;
        var frequencies = new int[size];
        ReadSparse(reader, size, "document frequencies", r =>
        {
            var df = r.ReadInt32();
            return df >= 1 && df <= documentCount ? df : throw Corrupted($"bucket document frequency {df} of {documentCount}");
        }, frequencies);
        var names = new string?[size];
        ReadSparse(reader, size, "bucket names", r => r.ReadString(), names);
        return new HashingTermIndex(bits, seed, frequencies, names);
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
