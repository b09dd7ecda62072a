using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace TopicModel.ML.Text;

/// <summary>
/// MurmurHash3 x86 32-bit (Appleby's public-domain design): fast, well mixed, seedable, and stable
/// across runs and platforms, unlike <see cref="string.GetHashCode()"/>, so hashed feature indices can be saved.
/// </summary>
public static class MurmurHash3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    /// <summary>Hashes the UTF-16 code units of <paramref name="text"/> (little-endian bytes).</summary>
    public static uint Hash(ReadOnlySpan<char> text, uint seed) =>
        BitConverter.IsLittleEndian ? Hash(MemoryMarshal.AsBytes(text), seed) : HashCharsPortable(text, seed);

    public static uint Hash(ReadOnlySpan<byte> data, uint seed)
    {
        var h = seed;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
            h = MixBlock(h, BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4)));

        var tail = data[(blocks * 4)..];
        uint k = 0;
        switch (tail.Length)
        {
            case 3: k ^= (uint)tail[2] << 16; goto case 2;
            case 2: k ^= (uint)tail[1] << 8; goto case 1;
            case 1:
                k ^= tail[0];
                h ^= MixKey(k);
                break;
        }
        return Finish(h, (uint)data.Length);
    }

    private static uint HashCharsPortable(ReadOnlySpan<char> text, uint seed)
    {
        var h = seed;
        var i = 0;
        for (; i + 1 < text.Length; i += 2)
            h = MixBlock(h, text[i] | ((uint)text[i + 1] << 16));
        if (i < text.Length) h ^= MixKey(text[i]);
        return Finish(h, (uint)text.Length * 2);
    }

    private static uint MixKey(uint k) => BitOperations.RotateLeft(k * C1, 15) * C2;

    private static uint MixBlock(uint h, uint k) => BitOperations.RotateLeft(h ^ MixKey(k), 13) * 5 + 0xe6546b64;

    private static uint Finish(uint h, uint length)
    {
        h ^= length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
