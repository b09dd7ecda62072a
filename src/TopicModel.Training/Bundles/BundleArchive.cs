using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.ML;
using TopicModel.ML.IO;

namespace TopicModel.Training.Bundles;

/// <summary>
/// The zip layer of a model bundle: named entries plus a manifest that records each entry's size and
/// SHA-256, written deterministically (fixed entry order and timestamps) and atomically, and read back
/// with every check a file that travelled between machines needs: damaged zip, missing or extra
/// entries, checksum mismatch, oversized entries (zip bombs), and entry names that try to escape.
/// </summary>
public static class BundleArchive
{
    public const string ManifestEntry = "manifest.json";

    /// <summary>Largest entry read back, uncompressed; larger ones are refused before decompression.</summary>
    public const long DefaultMaxEntryBytes = 1L << 30;

    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string path, JsonObject manifest, IReadOnlyList<(string Name, byte[] Content)> entries)
    {
        var checksums = new JsonObject();
        foreach (var (name, content) in entries)
        {
            ValidateName(name, path);
            checksums[name] = new JsonObject
            {
                ["bytes"] = content.LongLength,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
            };
        }
        var withChecksums = (JsonObject)manifest.DeepClone();
        withChecksums["entries"] = checksums;
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(withChecksums, new JsonSerializerOptions { WriteIndented = true });

        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            AddEntry(zip, ManifestEntry, manifestBytes);
            foreach (var (name, content) in entries) AddEntry(zip, name, content);
        });
    }

    public static BundleContents Read(string path, long maxEntryBytes = DefaultMaxEntryBytes)
    {
        if (!File.Exists(path)) throw new TopicModelException("model bundle not found", path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                ValidateName(entry.FullName, path);
                if (entry.Length > maxEntryBytes)
                    throw new TopicModelException($"entry '{entry.FullName}' would expand to {entry.Length:N0} bytes, over the limit of {maxEntryBytes:N0}", path);
                if (!entries.TryAdd(entry.FullName, ReadBounded(entry, maxEntryBytes, path)))
                    throw new TopicModelException($"entry '{entry.FullName}' appears twice", path);
            }
            if (!entries.TryGetValue(ManifestEntry, out var manifestBytes))
                throw new TopicModelException($"not a model bundle: no {ManifestEntry}", path);

            JsonObject manifest;
            try
            {
                manifest = JsonNode.Parse(manifestBytes) as JsonObject
                    ?? throw new TopicModelException($"{ManifestEntry} is not a JSON object", path);
            }
            catch (JsonException e)
            {
                throw new TopicModelException($"{ManifestEntry} is not valid JSON: {e.Message}", path);
            }
            VerifyChecksums(manifest, entries, path);
            entries.Remove(ManifestEntry);
            return new BundleContents(path, manifest, entries);
        }
        catch (InvalidDataException e)
        {
            throw new TopicModelException($"not a readable model bundle (damaged or truncated zip: {e.Message})", path, inner: e);
        }
    }

    private static void VerifyChecksums(JsonObject manifest, Dictionary<string, byte[]> entries, string path)
    {
        if (manifest["entries"] is not JsonObject listed)
            throw new TopicModelException($"{ManifestEntry} has no 'entries' table", path);
        foreach (var (name, info) in listed)
        {
            if (!entries.TryGetValue(name, out var content))
                throw new TopicModelException($"entry '{name}' is listed in the manifest but missing", path);
            var expected = info?["sha256"]?.GetValue<string>();
            if (expected != Convert.ToHexStringLower(SHA256.HashData(content)))
                throw new TopicModelException($"entry '{name}' is damaged (checksum mismatch)", path);
        }
        foreach (var name in entries.Keys)
        {
            if (name != ManifestEntry && !listed.ContainsKey(name))
                throw new TopicModelException($"entry '{name}' is not listed in the manifest", path);
        }
    }

    private static byte[] ReadBounded(ZipArchiveEntry entry, long maxEntryBytes, string path)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream((int)Math.Min(entry.Length, 1 << 20));
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            // The header's size can lie; count what actually comes out.
            if (buffer.Length + read > maxEntryBytes)
                throw new TopicModelException($"entry '{entry.FullName}' expands past the limit of {maxEntryBytes:N0} bytes", path);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTimestamp;
        using var s = entry.Open();
        s.Write(content);
    }

    private static void ValidateName(string name, string path)
    {
        if (name.Length == 0 || name.Contains("..") || name.StartsWith('/') || name.Contains('\\') || name.Contains(':'))
            throw new TopicModelException($"entry name '{name}' is not allowed in a bundle", path);
    }
}
