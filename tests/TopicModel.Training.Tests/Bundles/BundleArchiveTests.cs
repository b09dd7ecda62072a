using System.IO.Compression;
using System.Text.Json.Nodes;
using TopicModel.ML;
using TopicModel.Training.Bundles;

namespace TopicModel.Training.Tests.Bundles;

public sealed class BundleArchiveTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bundle-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly (string, byte[])[] SomeEntries =
    [
        ("weights.bin", Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray()),
        ("taxonomy.json", "{\"topics\": []}"u8.ToArray()),
    ];

    private string WriteSample(string name = "m.zip")
    {
        var path = Path.Combine(_dir, name);
        BundleArchive.Write(path, new JsonObject { ["formatVersion"] = 1, ["name"] = "t" }, SomeEntries);
        return path;
    }

    [Fact]
    public void Entries_round_trip_with_the_manifest()
    {
        var contents = BundleArchive.Read(WriteSample());

        Assert.Equal("t", contents.Manifest["name"]!.GetValue<string>());
        Assert.Equal(SomeEntries[0].Item2, contents.Entry("weights.bin"));
        Assert.Equal(SomeEntries[1].Item2, contents.Entry("taxonomy.json"));
        Assert.Equal(2, contents.Entries.Count);
    }

    [Fact]
    public void Writing_the_same_content_twice_gives_identical_bytes()
    {
        Assert.Equal(File.ReadAllBytes(WriteSample("a.zip")), File.ReadAllBytes(WriteSample("b.zip")));
    }

    [Fact]
    public void A_truncated_bundle_is_reported_as_damaged()
    {
        var path = WriteSample();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<TopicModelException>(() => BundleArchive.Read(path));
        Assert.Contains("damaged or truncated", error.Message);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void Every_single_bit_flip_in_an_entry_is_caught()
    {
        var path = WriteSample();
        var original = File.ReadAllBytes(path);
        var rng = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var bytes = (byte[])original.Clone();
            var at = rng.Next(bytes.Length);
            bytes[at] ^= (byte)(1 << rng.Next(8));
            File.WriteAllBytes(path, bytes);
            try
            {
                var contents = BundleArchive.Read(path);
                // Flips in zip metadata that does not affect the content (e.g. a timestamp) may pass; content must then be intact.
                Assert.Equal(SomeEntries[0].Item2, contents.Entry("weights.bin"));
            }
            catch (TopicModelException)
            {
            }
        }
    }

    [Fact]
    public void An_entry_that_expands_past_the_limit_is_refused()
    {
        var path = Path.Combine(_dir, "bomb.zip");
        BundleArchive.Write(path, new JsonObject(), [("zeros.bin", new byte[5_000_000])]);

        var error = Assert.Throws<TopicModelException>(() => BundleArchive.Read(path, maxEntryBytes: 1_000_000));
        Assert.Contains("over the limit", error.Message);
    }

    [Fact]
    public void Entry_names_that_escape_the_bundle_are_refused()
    {
        var path = Path.Combine(_dir, "evil.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("../../etc/passwd").Open();
            s.Write("x"u8);
        }

        var error = Assert.Throws<TopicModelException>(() => BundleArchive.Read(path));
        Assert.Contains("not allowed", error.Message);
    }

    [Fact]
    public void A_zip_without_a_manifest_is_not_a_bundle()
    {
        var path = Path.Combine(_dir, "plain.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("readme.txt").Open();
            s.Write("hello"u8);
        }

        Assert.Contains("no manifest.json", Assert.Throws<TopicModelException>(() => BundleArchive.Read(path)).Message);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_reported_clearly()
    {
        var path = Path.Combine(_dir, "text.zip");
        File.WriteAllText(path, "this is not a zip file");

        Assert.Contains("not a readable model bundle", Assert.Throws<TopicModelException>(() => BundleArchive.Read(path)).Message);
    }

    [Fact]
    public void Saving_over_a_bundle_replaces_it_whole_and_leaves_no_temp_files()
    {
        var path = WriteSample();
        BundleArchive.Write(path, new JsonObject { ["name"] = "second" }, SomeEntries);

        Assert.Equal("second", BundleArchive.Read(path).Manifest["name"]!.GetValue<string>());
        Assert.Single(Directory.GetFiles(_dir));
    }
}
