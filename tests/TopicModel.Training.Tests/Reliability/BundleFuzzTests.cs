using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Papers;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;
using Xunit.Abstractions;

namespace TopicModel.Training.Tests.Reliability;

/// <summary>
/// Damaged and hostile model bundles, made from a real trained bundle: the zip file mutated byte by byte
/// (truncated, bit-flipped, spliced), every entry's content mutated behind a valid checksum (what a buggy
/// or hostile writer produces, and the only way random damage reaches the deserializers), and the classic
/// archive attacks: entries that escape with ../ or absolute paths, and zip bombs whose declared or actual
/// size is huge. A bundle that loads must also score a paper. Everything else must be a TopicModelException
/// naming the bundle.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class BundleFuzzTests(TrainedModel trained, ITestOutputHelper output)
{
    private static readonly Paper Probe = new("p", "Chain-of-thought reasoning for math word problems",
        "We improve mathematical reasoning of large language models with chain-of-thought prompting and self-verification.", "fuzz", null, null, 1);

    private string Temp(string name) => Path.Combine(trained.Recipe.Directory, name);

    private static void LoadAndScore(BundleContents contents)
    {
        var bundle = ModelBundleFile.Load(contents);
        Span<float> p = stackalloc float[bundle.Taxonomy.Ids.Count];
        bundle.Classifier.Predict(Probe, p);
    }

    [Fact]
    public void Mutated_bundle_files_load_or_fail_naming_the_bundle()
    {
        var original = File.ReadAllBytes(trained.BundlePath);
        var path = Temp("mutated.zip");
        var mutator = new Mutator(911);
        var report = FuzzHarness.Run("bundle-file", 400, i => i % 20 == 0 ? original : mutator.Mutate(original, maxSteps: 3, maxLength: 4 << 20), bytes =>
        {
            File.WriteAllBytes(path, bytes);
            LoadAndScore(BundleArchive.Read(path));
        }, path);
        output.WriteLine(report.ToString());
        Assert.True(report.Succeeded >= 20 && report.Refused > 300, report.ToString());
    }

    /// <summary>
    /// Each entry mutated with its checksum recomputed, so the damage reaches the entry's reader. The featurizer
    /// carries its own checksum inside, which is recomputed as well for half of the cases.
    /// </summary>
    [Theory]
    [InlineData("model.bin", 300)]
    [InlineData("featurizer.bin", 300)]
    [InlineData("lda.bin", 300)]
    [InlineData("pipeline.json", 200)]
    [InlineData("taxonomy.json", 200)]
    [InlineData(BundleArchive.ManifestEntry, 200)]
    public void Entries_damaged_behind_a_valid_checksum_load_or_fail_naming_the_bundle(string entry, int cases)
    {
        var contents = BundleArchive.Read(trained.BundlePath);
        var manifestBytes = Encoding.UTF8.GetBytes(contents.Manifest.ToJsonString());
        var original = entry == BundleArchive.ManifestEntry ? manifestBytes : contents.Entry(entry);
        var mutator = new Mutator(912 + entry.Length);
        var report = FuzzHarness.Run(entry, cases, i =>
        {
            if (entry == "featurizer.bin" && i % 2 == 0) return Resign(original[..8], mutator.Mutate(original[12..^8], maxSteps: 2));
            return mutator.Mutate(original, maxSteps: 3);
        }, bytes =>
        {
            if (entry == BundleArchive.ManifestEntry)
            {
                JsonObject manifest;
                try
                {
                    manifest = JsonNode.Parse(bytes) as JsonObject ?? throw new TopicModelException("not an object", trained.BundlePath);
                }
                catch (System.Text.Json.JsonException e)
                {
                    // What BundleArchive.Read does with a manifest that is not JSON (that path is fuzzed through real files above).
                    throw new TopicModelException($"{BundleArchive.ManifestEntry} is not valid JSON: {e.Message}", trained.BundlePath);
                }
                LoadAndScore(contents with { Manifest = manifest });
            }
            else
            {
                var entries = new Dictionary<string, byte[]>(contents.Entries) { [entry] = bytes };
                LoadAndScore(contents with { Entries = entries });
            }
        }, trained.BundlePath);
        output.WriteLine(report.ToString());
        Assert.True(report.Refused > 0, report.ToString());
    }

    /// <summary>A featurizer image around <paramref name="payload"/>: magic and version (<paramref name="head"/>), length, payload, FNV-1a 64.</summary>
    private static byte[] Resign(byte[] head, byte[] payload)
    {
        var image = new byte[payload.Length + 20];
        head.CopyTo(image, 0);
        var hash = 14695981039346656037UL;
        foreach (var b in payload)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(8), payload.Length);
        payload.CopyTo(image, 12);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(12 + payload.Length), hash);
        return image;
    }
}
