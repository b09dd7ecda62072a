using System.Globalization;
using System.Text;
using TopicModel.DataPrep.Ingestion;
using TopicModel.Embeddings;
using TopicModel.Training.Pipelines;

namespace TopicModel.Bench;

/// <summary>
/// Writes every paper's sentence vector, as `train` computes it (title + abstract, through the default cache), to a
/// JSON Lines file of {"id", "vector"} keyed by paper id, so that a Python baseline (bench/compare_classifiers.py
/// --embeddings) uses exactly our vectors: no sentence-transformers download.
/// </summary>
public static class EmbedExport
{
    public static void Run(string encoderName, string output, IReadOnlyList<string> inputs)
    {
        var papers = PaperReader.ReadAll(inputs).Papers.DistinctBy(p => p.Id).ToArray();
        var encoder = SentenceEncoderCatalog.Open(encoderName, EmbeddingCache.DefaultRoot);
        var vectors = encoder.Embed(papers.Select(TextClassifier.EmbeddingText).ToArray());
        var temporary = output + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < papers.Length; i++)
            {
                var values = string.Join(",", vectors[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
                writer.WriteLine($"{{\"id\":\"{papers[i].Id}\",\"vector\":[{values}]}}");
            }
        }
        File.Move(temporary, output, overwrite: true);
        Console.WriteLine($"{papers.Length} papers, {encoder.Dimension}-d {encoderName} vectors (model hash {encoder.ModelHash[..12]}) -> {output}");
    }
}
