using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;

namespace TopicModel.Training.Tests.Reliability;

/// <summary>Archive attacks on a bundle: escaping names, and zip bombs by declared size, actual size and entry count.</summary>
public sealed class BundleAttackTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bundle-attacks").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    private static void AddEntry(ZipArchive zip, string name, byte[] content)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        s.Write(content);
    }

    [Theory]
    [InlineData("../model.bin")]
    [InlineData("a/../../model.bin")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\..\\model.bin")]
    [InlineData("C:model.bin")]
    public void Entry_names_that_could_escape_an_extraction_folder_are_refused_with_the_bundle(string name)
    {
        var path = Path("escape.zip");
        BundleArchive.Write(path, new JsonObject(), [("model.bin", [1, 2, 3])]);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update)) AddEntry(zip, name, [4, 5, 6]);

        var error = Assert.Throws<TopicModelException>(() => BundleArchive.Read(path));
        Assert.Equal(path, error.File);
        Assert.Contains("not allowed", error.Message);
    }

    /// <summary>
    /// Many entries, each far under the per-entry limit, that together expand to hundreds of megabytes: they are
    /// not in the manifest, so they must be refused before they are decompressed, not after all are in memory.
    /// </summary>
    [Fact]
    public void A_bomb_of_many_unlisted_entries_is_refused_before_they_are_expanded()
    {
        var path = Path("many.zip");
        BundleArchive.Write(path, new JsonObject(), [("model.bin", [1, 2, 3])]);
        var zeros = new byte[1 << 20];
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            for (var i = 0; i < 300; i++) AddEntry(zip, $"pad{i:D3}.bin", zeros);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<TopicModelException>(() => OnThisThread.Run(() => BundleArchive.Read(path)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(path, error.File);
        Assert.Contains("not listed in the manifest", error.Message);
        Assert.True(allocated < 32 << 20, $"allocated {allocated:N0} bytes refusing a 300 MiB bomb");
    }

    /// <summary>A listed entry whose content is larger than the manifest says is refused once it passes the listed size.</summary>
    [Fact]
    public void An_entry_larger_than_its_manifest_size_is_refused_without_expanding_it_whole()
    {
        var path = Path("grown.zip");
        BundleArchive.Write(path, new JsonObject(), [("model.bin", new byte[1000])]);
        var contents = BundleArchive.Read(path);
        var manifest = (JsonObject)contents.Manifest.DeepClone();
        var entries = (JsonObject)manifest["entries"]!;
        File.Delete(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            AddEntry(zip, BundleArchive.ManifestEntry, System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()));
            AddEntry(zip, "model.bin", new byte[64 << 20]);
        }
        Assert.Equal(1000, entries["model.bin"]!["bytes"]!.GetValue<long>());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<TopicModelException>(() => OnThisThread.Run(() => BundleArchive.Read(path)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(path, error.File);
        Assert.Contains("model.bin", error.Message);
        Assert.True(allocated < 16 << 20, $"allocated {allocated:N0} bytes refusing a 64 MiB entry listed as 1,000 bytes");
    }

    [Fact]
    public void Entries_each_under_the_entry_limit_but_over_the_bundle_limit_together_are_refused()
    {
        var path = Path("big.zip");
        BundleArchive.Write(path, new JsonObject(), [("a.bin", new byte[600_000]), ("b.bin", new byte[600_000])]);

        var error = Assert.Throws<TopicModelException>(() => BundleArchive.Read(path, maxEntryBytes: 1_000_000, maxBundleBytes: 1_000_000));
        Assert.Equal(path, error.File);
        Assert.Contains("for a whole bundle", error.Message);
    }

    /// <summary>
    /// A bomb whose manifest and zip headers both lie about the size (say 100 bytes, hold 8 MiB) is caught by
    /// counting what comes out of the decompressor, not by trusting either.
    /// </summary>
    [Fact]
    public void An_entry_whose_headers_and_manifest_understate_its_size_is_cut_off_at_the_stated_size()
    {
        var path = Path("liar.zip");
        BundleArchive.Write(path, new JsonObject(), [("model.bin", Enumerable.Repeat((byte)1, 100).ToArray())]);
        var manifest = BundleArchive.Read(path).Manifest.ToJsonString();
        File.Delete(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            AddEntry(zip, BundleArchive.ManifestEntry, System.Text.Encoding.UTF8.GetBytes(manifest));
            AddEntry(zip, "model.bin", new byte[8 << 20]);
        }
        PatchUncompressedSize(path, "model.bin", 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<TopicModelException>(() => OnThisThread.Run(() => BundleArchive.Read(path)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(path, error.File);
        Assert.Contains("model.bin", error.Message);
        Assert.True(allocated < 4 << 20, $"allocated {allocated:N0} bytes refusing an 8 MiB entry that claims 100 bytes");
    }

    [Fact]
    public void The_default_entry_limit_refuses_a_declared_bomb_before_expanding_it()
    {
        var path = Path("declared.zip");
        BundleArchive.Write(path, new JsonObject(), [("model.bin", new byte[1000])]);
        PatchUncompressedSize(path, "model.bin", uint.MaxValue - 1);

        var error = Assert.Throws<TopicModelException>(() => BundleArchive.Read(path));
        Assert.Equal(path, error.File);
        Assert.Contains("over the limit", error.Message);
    }

    /// <summary>Rewrites an entry's uncompressed size in its local header (offset 22) and central directory header (offset 24).</summary>
    private static void PatchUncompressedSize(string path, string name, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var encoded = System.Text.Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 + encoded.Length <= bytes.Length; i++)
        {
            if (bytes.AsSpan(i, 4).SequenceEqual("PK\u0003\u0004"u8) && bytes.AsSpan(i + 30, encoded.Length).SequenceEqual(encoded))
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
            if (bytes.AsSpan(i, 4).SequenceEqual("PK\u0001\u0002"u8) && bytes.AsSpan(i + 46, encoded.Length).SequenceEqual(encoded))
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
        }
        File.WriteAllBytes(path, bytes);
    }
}
