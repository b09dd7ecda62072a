using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.ML.Lda;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Scoring;

namespace TopicModel.Bench;

/// <summary>
/// `fold-in-sweeps BUNDLE INPUT.jsonl N`: the bundle's CVB0 fold-in over the LDA ids of N papers (read by the scoring
/// lexicon beforehand, so only the fold-in is timed) at several tolerances and iteration caps: µs per paper (this
/// thread's CPU, fastest of 3 after a warm-up), mean / 99th percentile / largest L1 distance to the fixed point
/// (tolerance 10⁻⁶, ≤ 2,000 iterations) and how often the top topic agrees with it. First a hash of the bundle's own
/// fold-in, to compare builds and vector widths (`FOLD_IN_HASH_ONLY=1` stops there).
/// </summary>
public static class FoldInSweeps
{
    public static void Run(string bundlePath, string input, int limit)
    {
        var bundle = ModelBundleFile.Load(bundlePath);
        var classifier = (TextClassifier)bundle.Classifier;
        var lda = bundle.Lda!;
        var lexicon = classifier.Lexicon!;
        var forScoring = BatchScorer.ForScoring(null);
        var docs = new List<int[]>();
        foreach (var item in PaperReader.Read(input, forScoring))
        {
            if (item.Line!.Parse().Paper is { } p) docs.Add(lexicon.Read(p).LdaIds.ToArray());
            if (docs.Count == limit) break;
        }
        // The bundle's own fold-in, hashed: the same on any vector width (run once with DOTNET_EnableAVX=0 to compare).
        var bytes = docs.SelectMany(d => lda.InferIds(d)).SelectMany(BitConverter.GetBytes).ToArray();
        Console.WriteLine($"bundle's fold-in (tolerance {lda.Options.InferenceTolerance}, ≤ {lda.Options.InferenceIterations} iterations, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}, Vector<float> {System.Numerics.Vector<float>.Count} lanes): SHA-256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}");
        if (Environment.GetEnvironmentVariable("FOLD_IN_HASH_ONLY") == "1") return;
        var reference = lda.WithInference(LdaInference.Cvb0, 2000, 1e-6);
        var refs = docs.Select(d => reference.InferIds(d)).ToArray();
        Console.WriteLine($"{docs.Count} docs, mean {docs.Average(d => d.Length):F1} LDA tokens");
        Console.WriteLine("| tolerance | max iters | µs/doc | mean L1 | p99 L1 | max L1 | argmax agree |");
        foreach (var tol in new[] { 0.01, 0.05, 0.1, 0.25, 0.5 })
        foreach (var cap in new[] { 1, 2, 3, 4, 5, 6, 8, 10, 20 })
        {
            var m = lda.WithInference(LdaInference.Cvb0, cap, tol);
            float[][] got = null!;
            var seconds = ScoreProfile.Measure(() => got = docs.Select(d => m.InferIds(d)).ToArray());
            var l1 = new double[docs.Count];
            var agree = 0;
            for (var i = 0; i < docs.Count; i++)
            {
                for (var t = 0; t < lda.NumberOfTopics; t++) l1[i] += Math.Abs(got[i][t] - refs[i][t]);
                if (Array.IndexOf(got[i], got[i].Max()) == Array.IndexOf(refs[i], refs[i].Max())) agree++;
            }
            Array.Sort(l1);
            Console.WriteLine($"| {tol} | {cap} | {seconds / docs.Count * 1e6:F2} | {l1.Average():F4} | {l1[(int)(0.99 * l1.Length)]:F4} | {l1[^1]:F4} | {(double)agree / docs.Count:P2} |");
        }
    }
}
