using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Ingestion;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;

namespace TopicModel.Training.Tests.Bundles;

/// <summary>
/// A bundle is expanded and read on all cores, and `score` builds the scoring lexicon in the background
/// (docs/benchmarks.md, issue 21 fifth round): the model must be the one a read on one thread gives, and a damaged
/// bundle must fail the same way whichever thread reaches which entry first.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class ParallelLoadTests(TrainedModel trained) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parallel-load").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_bundle_read_on_all_cores_and_warmed_up_in_the_background_predicts_as_one_read_on_one_thread()
    {
        var papers = PaperReader.Read(RepoPaths.HeldOutDigest).Where(i => i.Paper is not null).Select(i => i.Paper!).ToList();
        Assert.True(papers.Count > 100, $"{papers.Count} held-out papers");
        var parallel = ModelBundleFile.Load(trained.BundlePath);
        parallel.Classifier.StartWarmingUp();

        // On one thread, every part's allocations are this thread's: at least the bytes of every entry expanded.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var serial = OnThisThread.Run(() =>
        {
            var bundle = ModelBundleFile.Load(trained.BundlePath);
            bundle.Classifier.Predict(papers[0], new float[bundle.Taxonomy.Ids.Count]);
            return bundle;
        });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var entryBytes = BundleArchive.Read(trained.BundlePath).Entries.Values.Sum(e => e.LongLength);
        Assert.True(allocated > entryBytes, $"one thread allocated {allocated:N0} bytes loading {entryBytes:N0} bytes of entries");

        var topics = serial.Taxonomy.Ids.Count;
        foreach (var paper in papers)
        {
            float[] expected = new float[topics], actual = new float[topics];
            serial.Classifier.Predict(paper, expected);
            parallel.Classifier.Predict(paper, actual);
            Assert.Equal(expected, actual);
            Assert.Equal(serial.Lda!.InferText(LdaStep.Text(paper)), parallel.Lda!.InferText(LdaStep.Text(paper)));
        }
    }

    [Fact]
    public void Of_several_damaged_entries_the_first_in_manifest_order_is_reported_every_time()
    {
        var random = new Random(21);
        var entries = Enumerable.Range(0, 8).Select(i =>
        {
            var bytes = new byte[200_000 + 50_000 * i];
            random.NextBytes(bytes);
            return ($"part{i}.bin", bytes);
        }).ToArray();
        var path = Path.Combine(_dir, "damaged.zip");
        BundleArchive.Write(path, new JsonObject(), entries);
        var manifest = (JsonObject)BundleArchive.Read(path).Manifest.DeepClone();
        // Parts 3, 5 and 7 listed with a wrong checksum: the error is part 3's however the threads interleave.
        foreach (var i in new[] { 3, 5, 7 })
            manifest["entries"]![$"part{i}.bin"]!["sha256"] = Convert.ToHexStringLower(SHA256.HashData(new byte[] { (byte)i }));
        File.Delete(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Add(zip, BundleArchive.ManifestEntry, System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()));
            foreach (var (name, bytes) in entries) Add(zip, name, bytes);
        }

        for (var run = 0; run < 20; run++)
        {
            var error = Assert.Throws<TopicModelException>(() => BundleArchive.Read(path));
            Assert.Equal(path, error.File);
            Assert.Contains("entry 'part3.bin' is damaged (checksum mismatch)", error.Message);
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        s.Write(content);
    }
}
