using System.Collections;
using System.Text.Json.Nodes;
using TopicModel.Training.Bundles;

namespace TopicModel.Training.Tests.Reliability;

/// <summary>A bundle save that dies half-way (disk full, a crash while zipping) leaves the previous bundle as it was.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class InterruptedSaveTests(TrainedModel trained)
{
    /// <summary>Entries that can be listed once (for the checksums) and then fail while the zip is being written.</summary>
    private sealed class FailingEntries(IReadOnlyList<(string, byte[])> entries, int failAt) : IReadOnlyList<(string Name, byte[] Content)>
    {
        private int _enumerations;

        public (string Name, byte[] Content) this[int index] => entries[index];
        public int Count => entries.Count;

        public IEnumerator<(string Name, byte[] Content)> GetEnumerator()
        {
            var pass = ++_enumerations;
            for (var i = 0; i < entries.Count; i++)
            {
                if (pass == 2 && i == failAt) throw new IOException("No space left on device (simulated)");
                yield return entries[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void A_save_that_fails_half_way_leaves_the_previous_bundle_loadable_and_unchanged_and_no_temp_file()
    {
        var folder = Path.Combine(trained.Recipe.Directory, "save");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "model.zip");
        File.Copy(trained.BundlePath, path);
        var before = File.ReadAllBytes(path);
        var contents = BundleArchive.Read(path);
        var manifest = (JsonObject)contents.Manifest.DeepClone();
        manifest.Remove("entries");
        manifest["name"] = "replacement";
        var entries = contents.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)).ToArray();

        Assert.Throws<IOException>(() => BundleArchive.Write(path, manifest, new FailingEntries(entries, failAt: 3)));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal("test", ModelBundleFile.Load(path).Name);
        Assert.Equal([path], Directory.GetFiles(folder));
    }
}
