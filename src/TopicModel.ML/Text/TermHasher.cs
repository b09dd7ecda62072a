namespace TopicModel.ML.Text;

/// <summary>
/// Maps a term to one of 2^bits buckets with seeded MurmurHash3. Char n-grams hash with a derived
/// seed, so a char n-gram and an equal word land independently, as in dictionary mode where they
/// are separate namespaces.
/// </summary>
internal readonly struct TermHasher
{
    private const uint CharSeedSalt = 0x9E3779B9;

    private readonly uint _charSeed;
    private readonly uint _mask;

    public TermHasher(int bits, uint seed)
    {
        Bits = bits;
        Seed = seed;
        _charSeed = seed ^ CharSeedSalt;
        _mask = (1u << bits) - 1;
    }

    public int Bits { get; }
    public uint Seed { get; }
    public int Size => 1 << Bits;

    public int Bucket(ReadOnlySpan<char> term, bool isCharNgram) =>
        (int)(MurmurHash3.Hash(term, isCharNgram ? _charSeed : Seed) & _mask);
}
