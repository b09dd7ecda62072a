namespace TopicModel.ML.Metrics;

/// <summary>
/// Small, fast, splittable generator (Steele, Lea &amp; Flood 2014): one independent stream per
/// (seed, stream) pair, so parallel resamples are reproducible whatever thread runs them.
/// </summary>
internal struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    public SplitMix64(int seed, int stream)
    {
        // Mixing the pair once puts neighbouring streams far apart in the sequence.
        _state = Mix(((ulong)(uint)seed << 32) | (uint)stream);
    }

    public ulong NextUInt64()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, n) by Lemire's multiply-high; the bias n/2^64 is negligible.</summary>
    public int Next(int n) => (int)Math.BigMul(NextUInt64(), (ulong)n, out _);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
