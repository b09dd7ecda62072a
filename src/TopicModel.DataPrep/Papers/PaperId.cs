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
        var canonical = TextNormalizer.Canonical(title);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonical), hash);
        return Convert.ToHexStringLower(hash[..6]);
    }
}
