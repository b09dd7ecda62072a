using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace TopicModel.Bench;

/// <summary>
/// ML.NET's LatentDirichletAllocation (LightLDA, native) on exactly the token lists our LDA fits
/// (<c>lda-export</c>'s tokens.txt and vocab.txt): each document becomes a sparse vector of term counts over our
/// vocabulary, so both models see the same term ids and counts. Its priors are set to ours (AlphaSum 5, Beta 0.01,
/// the same sweeps and burn-in); ML.NET keeps the document prior fixed, ours re-estimates it every 10 sweeps.
/// </summary>
public static class MlNetLda
{
    private const string Counts = "Counts";

    private sealed class Document
    {
        public VBuffer<float> Counts { get; set; }
    }

    public static void Fit(string dir, int topics, int threads, int iterations, int seed, string output)
    {
        var vocabulary = File.ReadAllLines(Path.Combine(dir, "vocab.txt"));
        var ids = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++) ids[vocabulary[i]] = i;
        var documents = LdaCompare.ReadTokens(dir).Select(d => ToCounts(d, ids, vocabulary.Length)).ToArray();
        var longest = documents.Max(d => (int)d.Counts.GetValues().ToArray().Sum());

        var mlContext = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Document));
        schema[Counts].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vocabulary.Length);
        var view = mlContext.Data.LoadFromEnumerable(documents, schema);
        var estimator = mlContext.Transforms.Text.LatentDirichletAllocation("Topics", Counts, numberOfTopics: topics,
            alphaSum: 5f, beta: 0.01f, maximumNumberOfIterations: iterations, likelihoodInterval: iterations,
            numberOfThreads: threads, maximumTokenCountPerDocument: longest, numberOfSummaryTermsPerTopic: 10, numberOfBurninIterations: 10);

        var clock = Stopwatch.StartNew();
        var transformer = estimator.Fit(view);
        var seconds = clock.Elapsed.TotalSeconds;

        // Without slot names on the input column ML.NET reports each topic's terms by index (ItemScoresPerTopic), i.e. our term ids.
        var lines = transformer.GetLdaDetails(0).ItemScoresPerTopic.Select(terms =>
            string.Join(' ', terms.OrderByDescending(t => t.Score).ThenBy(t => t.Item).Take(10).Select(t => vocabulary[t.Item])));
        LdaCompare.WriteAtomic(output, lines);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fit_seconds={seconds:F2} terms={vocabulary.Length} iterations={iterations} documents={documents.Length} longest={longest}"));
    }

    private static Document ToCounts(IReadOnlyList<string> tokens, Dictionary<string, int> ids, int dimension)
    {
        var counts = new SortedDictionary<int, float>();
        foreach (var token in tokens)
        {
            if (!ids.TryGetValue(token, out var id))
                throw new InvalidDataException($"token '{token}' is not in vocab.txt; rerun lda-export");
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }
        return new Document { Counts = new VBuffer<float>(dimension, counts.Count, [.. counts.Values], [.. counts.Keys]) };
    }
}
