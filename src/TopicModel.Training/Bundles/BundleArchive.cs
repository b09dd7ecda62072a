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

    /// <summary>Largest entry read back, uncompressed (1 GiB); larger ones are refused before decompression.</summary>
    public const long DefaultMaxEntryBytes = 1L << 30;

    /// <summary>Most bytes all entries of one bundle may expand to together (2 GiB): a bundle is loaded into memory whole.</summary>
    public const long DefaultMaxBundleBytes = 2L << 30;

    /// <summary>Largest manifest read (16 MiB); a real one is a few kilobytes, even with a long leaderboard.</summary>
    private const long MaxManifestBytes = 16L << 20;

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

    public static BundleContents Read(string path, long maxEntryBytes = DefaultMaxEntryBytes, long maxBundleBytes = DefaultMaxBundleBytes)
    {
        if (!File.Exists(path)) throw new TopicModelException("model bundle not found", path);
        try
        {
            // The whole file (a few MB) in memory, so that the entries can be expanded on several threads at once.
            if (new FileInfo(path).Length > maxBundleBytes)
                throw new TopicModelException($"the bundle file is larger than the limit of {maxBundleBytes:N0} bytes for a whole bundle", path);
            var zipBytes = File.ReadAllBytes(path);
            using var zip = new ZipArchive(new MemoryStream(zipBytes, writable: false), ZipArchiveMode.Read);
            // Every name is checked before anything is expanded, so an escaping or repeated name costs nothing.
            var byName = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                ValidateName(entry.FullName, path);
                if (!byName.TryAdd(entry.FullName, entry))
                    throw new TopicModelException($"entry '{entry.FullName}' appears twice", path);
            }
            if (!byName.TryGetValue(ManifestEntry, out var manifestEntry))
                throw new TopicModelException($"not a model bundle: no {ManifestEntry}", path);
            var manifestLimit = Math.Min(maxEntryBytes, MaxManifestBytes);
            if (manifestEntry.Length > manifestLimit)
                throw new TopicModelException($"entry '{ManifestEntry}' would expand to {manifestEntry.Length:N0} bytes, over the limit of {manifestLimit:N0}", path);
            var manifest = ParseManifest(ReadBounded(manifestEntry, manifestLimit, path), path);
            var listed = Listed(manifest, path);

            // Then the manifest decides what is expanded: an unlisted entry (a bomb of many small entries) is refused
            // before any is read, and a listed one may not expand past the size the manifest gives it.
            foreach (var name in byName.Keys)
            {
                if (name != ManifestEntry && !listed.ContainsKey(name))
                    throw new TopicModelException($"entry '{name}' is not listed in the manifest", path);
            }
            long total = 0;
            foreach (var (name, (bytes, _)) in listed)
            {
                if (!byName.TryGetValue(name, out var entry))
                    throw new TopicModelException($"entry '{name}' is listed in the manifest but missing", path);
                var size = Math.Max(bytes, entry.Length);
                if (size > maxEntryBytes)
                    throw new TopicModelException($"entry '{name}' would expand to {size:N0} bytes, over the limit of {maxEntryBytes:N0}", path);
                total += size;
                if (total > maxBundleBytes)
                    throw new TopicModelException($"entries would expand to more than the limit of {maxBundleBytes:N0} bytes for a whole bundle", path);
            }

            foreach (var (name, (bytes, _)) in listed)
            {
                if (byName[name].Length > bytes)
                    throw new TopicModelException($"entry '{name}' would expand to {byName[name].Length:N0} bytes, more than the {bytes:N0} its manifest lists", path);
            }
            return new BundleContents(path, manifest, ReadEntries(zipBytes, listed, path));
        }
        catch (InvalidDataException e)
        {
            throw Unreadable(e, path);
        }
    }

    private static TopicModelException Unreadable(InvalidDataException e, string path) =>
        new($"not a readable model bundle (damaged or truncated zip: {e.Message})", path, inner: e);

    /// <summary>
    /// Expands and checks every listed entry, on all cores: inflating and hashing ~15 MB was a sixth of a one-record
    /// `score` (docs/benchmarks.md, issue 21 fifth round). Each thread reads its own view of the zip's bytes; the error
    /// reported is the one of the first damaged entry in manifest order, as when they were read one by one. Runs on the
    /// current scheduler (the thread pool, or the caller's thread when a test counts its allocations).
    /// </summary>
    private static Dictionary<string, byte[]> ReadEntries(byte[] zipBytes, Dictionary<string, (long Bytes, string Sha256)> listed, string path)
    {
        var names = listed.Keys.ToArray();
        var contents = new byte[names.Length][];
        var failures = new Exception?[names.Length];
        Parallel.For(0, names.Length, () => new ZipArchive(new MemoryStream(zipBytes, writable: false), ZipArchiveMode.Read), (i, _, zip) =>
        {
            try
            {
                var (bytes, sha256) = listed[names[i]];
                var content = ReadBounded(zip.GetEntry(names[i])!, bytes, path);
                if (content.LongLength != bytes || sha256 != Convert.ToHexStringLower(SHA256.HashData(content)))
                    throw new TopicModelException($"entry '{names[i]}' is damaged (checksum mismatch)", path);
                contents[i] = content;
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
            return zip;
        }, zip => zip.Dispose());
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            if (failure is InvalidDataException invalid) throw Unreadable(invalid, path);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        var entries = new Dictionary<string, byte[]>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) entries[names[i]] = contents[i];
        return entries;
    }

    private static JsonObject ParseManifest(byte[] bytes, string path)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw new TopicModelException($"{ManifestEntry} is not a JSON object", path);
        }
        catch (JsonException e)
        {
            throw new TopicModelException($"{ManifestEntry} is not valid JSON: {e.Message}", path);
        }
    }

    /// <summary>The manifest's entries table: name → (size, SHA-256), every value checked for its JSON type.</summary>
    private static Dictionary<string, (long Bytes, string Sha256)> Listed(JsonObject manifest, string path)
    {
        if (manifest["entries"] is not JsonObject table)
            throw new TopicModelException($"{ManifestEntry} has no 'entries' table", path);
        var listed = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var (name, info) in table)
        {
            ValidateName(name, path);
            if (info is not JsonObject o || o["bytes"] is not JsonValue b || !b.TryGetValue<long>(out var bytes) || bytes < 0
                || o["sha256"] is not JsonValue h || !h.TryGetValue<string>(out var sha256))
                throw new TopicModelException($"{ManifestEntry}: entry '{name}' needs a non-negative 'bytes' and a 'sha256' string", path);
            listed[name] = (bytes, sha256);
        }
        return listed;
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
                throw new TopicModelException($"entry '{entry.FullName}' expands past {maxEntryBytes:N0} bytes (its listed size or the limit)", path);
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
