using System.Diagnostics;
using TopicModel.DataPrep.Ingestion;
using TopicModel.ML.Sparse;
using TopicModel.ML.Text;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;

namespace TopicModel.Bench;

/// <summary>
/// `id-sort BUNDLE INPUT.jsonl [N]`: sorting what the featurizer sorts per paper (the ids of the abstract's word 1–2-grams
/// in the bundle's abstract vocabulary, in text order), once with <see cref="MemoryExtensions.Sort{T}(Span{T})"/> (introsort)
/// and once with <see cref="IdSort"/>, alternating, in the same process; ns per paper, best of 7 passes each, and a check
/// that both give the same arrays.
/// </summary>
public static class IdSortBench
{
    public static void Run(string bundlePath, string input, int limit)
    {
        var featurizer = ((TextClassifier)ModelBundleFile.Load(bundlePath).Classifier).Featurizer;
        var vocabulary = featurizer.WordVocabulary(featurizer.Options.SeparateFields ? featurizer.FieldCount - 1 : 0)
            ?? throw new InvalidOperationException("the featurizer hashes terms; there is no vocabulary");
        var papers = PaperReader.Read(input).Select(i => i.Paper).OfType<DataPrep.Papers.Paper>().Take(limit).Select(p =>
        {
            var tokens = new TokenBuffer();
            featurizer.Analyzer.Analyze(p.Abstract, tokens);
            var ids = new List<int>();
            for (var n = 1; n <= 2; n++)
                for (var i = 0; i + n <= tokens.Count; i++)
                    if (vocabulary.IdOf(tokens.Range(i, n)) is var id and >= 0) ids.Add(id);
            return ids.ToArray();
        }).ToArray();
        var work = papers.Select(p => new int[p.Length]).ToArray();

        double Time(Action<Span<int>> sort)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < papers.Length; i++)
            {
                papers[i].CopyTo(work[i], 0);
                sort(work[i]);
            }
            return clock.Elapsed.TotalSeconds;
        }
        double Copy() => Time(_ => { });
        var expected = papers.Select(p => { var c = (int[])p.Clone(); Array.Sort(c); return c; }).ToArray();
        Time(IdSort.Sort);
        for (var i = 0; i < papers.Length; i++)
            if (!work[i].AsSpan().SequenceEqual(expected[i])) throw new InvalidOperationException($"paper {i}: IdSort differs from Array.Sort");
        double intro = double.MaxValue, radix = double.MaxValue, copy = double.MaxValue;
        for (var pass = 0; pass < 7; pass++)
        {
            intro = Math.Min(intro, Time(s => s.Sort()));
            radix = Math.Min(radix, Time(IdSort.Sort));
            copy = Math.Min(copy, Copy());
        }
        var perPaper = 1e9 / papers.Length;
        Console.WriteLine($"{papers.Length} papers, {papers.Average(p => p.Length):F0} ids each (vocabulary {vocabulary.Count}); ns per paper, best of 7, copy excluded:");
        Console.WriteLine($"  introsort (Span.Sort) {(intro - copy) * perPaper:F0}");
        Console.WriteLine($"  IdSort (radix)        {(radix - copy) * perPaper:F0}");
    }
}
