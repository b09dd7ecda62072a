using System.Diagnostics;
using TopicModel.DataPrep.Ingestion;
using TopicModel.ML.Text;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;

namespace TopicModel.Bench;

/// <summary>
/// `term-lookup BUNDLE INPUT.jsonl [N]`: the featurizer's word 1–2-gram look-ups of N papers' abstracts against the
/// bundle's abstract vocabulary, once through <see cref="Vocabulary.IdOf"/> (our open-addressing table) and once
/// through the <c>Dictionary&lt;string, int&gt;</c> span lookup it replaced, alternating, in the same process. Prints
/// ns per look-up (best of 5 passes each) and checks both give the same ids.
/// </summary>
public static class TermLookup
{
    public static void Run(string bundlePath, string input, int limit)
    {
        var classifier = (TextClassifier)ModelBundleFile.Load(bundlePath).Classifier;
        var featurizer = classifier.Featurizer;
        var vocabulary = featurizer.WordVocabulary(featurizer.Options.SeparateFields ? featurizer.FieldCount - 1 : 0)
            ?? throw new InvalidOperationException("the featurizer hashes terms; there is no vocabulary to look up");
        var dictionary = vocabulary.Terms.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        var buffers = PaperReader.Read(input).Select(i => i.Paper).OfType<DataPrep.Papers.Paper>().Take(limit).Select(p =>
        {
            var tokens = new TokenBuffer();
            featurizer.Analyzer.Analyze(p.Abstract, tokens);
            return tokens;
        }).ToArray();
        var lookups = buffers.Sum(b => 2L * b.Count - 1);

        long Ours()
        {
            long sum = 0;
            foreach (var b in buffers)
            {
                for (var n = 1; n <= 2; n++)
                    for (var i = 0; i + n <= b.Count; i++) sum += vocabulary.IdOf(b.Range(i, n));
            }
            return sum;
        }
        long Theirs()
        {
            long sum = 0;
            foreach (var b in buffers)
            {
                for (var n = 1; n <= 2; n++)
                    for (var i = 0; i + n <= b.Count; i++) sum += dictionary.TryGetValue(b.Range(i, n), out var id) ? id : -1;
            }
            return sum;
        }
        if (Ours() != Theirs()) throw new InvalidOperationException("the two lookups disagree");
        double best1 = double.MaxValue, best2 = double.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            var clock = Stopwatch.StartNew();
            Ours();
            best1 = Math.Min(best1, clock.Elapsed.TotalSeconds);
            clock.Restart();
            Theirs();
            best2 = Math.Min(best2, clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"{buffers.Length:N0} abstracts, {lookups:N0} word 1-2-gram look-ups, vocabulary of {vocabulary.Count:N0} terms");
        Console.WriteLine($"  TermTable (Vocabulary.IdOf)        {best1 / lookups * 1e9,6:F1} ns per look-up");
        Console.WriteLine($"  Dictionary<string,int> span lookup {best2 / lookups * 1e9,6:F1} ns per look-up");
    }
}
