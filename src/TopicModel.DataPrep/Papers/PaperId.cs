using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using TopicModel.ML.Text;

namespace TopicModel.DataPrep.Papers;

/// <summary>
/// Stable paper ids: the first 12 hex digits of SHA-256 over the UTF-8 of the canonical title
/// (folded, diacritics removed, runs of non-[a-z0-9] collapsed to one space, trimmed).
/// Simple enough to reproduce in any language, which other tools rely on.
/// </summary>
public static class PaperId
{
    public static string FromTitle(string title)
    {
        // Without intermediate strings (the id was a third of parsing a JSON Lines record: docs/benchmarks.md, issue 21
        // fifth round); the canonical title is ASCII, so its UTF-8 is its chars narrowed.
        var capacity = TextNormalizer.MaxFoldedLength(title.Length);
        char[]? rentedChars = null;
        byte[]? rentedBytes = null;
        Span<char> chars = capacity <= StackLimit ? stackalloc char[capacity] : (rentedChars = ArrayPool<char>.Shared.Rent(capacity));
        var length = TextNormalizer.Canonical(title, chars);
        Span<byte> bytes = length <= StackLimit ? stackalloc byte[length] : (rentedBytes = ArrayPool<byte>.Shared.Rent(length))[..length];
        try
        {
            var status = Ascii.FromUtf16(chars[..length], bytes, out _);
            if (status != OperationStatus.Done) throw new InvalidOperationException($"canonical title not ASCII: {status}");
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes, hash);
            return Convert.ToHexStringLower(hash[..6]);
        }
        finally
        {
            if (rentedChars is not null) ArrayPool<char>.Shared.Return(rentedChars);
            if (rentedBytes is not null) ArrayPool<byte>.Shared.Return(rentedBytes);
        }
    }

    private const int StackLimit = 1024;
}
