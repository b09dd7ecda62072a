using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using TopicModel.Training.Interop;

namespace TopicModel.Sample;

/// <summary>
/// What an ML.NET app does with a TopicModel bundle, step by step (Program.cs prints it; a test runs exactly this).
/// </summary>
public static class TopicSample
{
    /// <summary>The papers' predictions from a PredictionEngine and from Transform over an IDataView (they agree).</summary>
    public sealed record Result(IReadOnlyList<TopicPrediction> FromEngine, IReadOnlyList<string> FromDataView);

    /// <param name="bundlePath">A bundle written by <c>topicmodel train</c> or <c>run</c>.</param>
    /// <param name="papers">Title and abstract of each paper to label.</param>
    /// <param name="mlNetModelPath">Where to save the ML.NET model that wraps the bundle.</param>
    public static Result Run(string bundlePath, IReadOnlyList<PaperText> papers, string mlNetModelPath)
    {
        var mlContext = new MLContext(seed: 0);

        // 1. Make the bundle known to ML.NET (its mapping's factory) and wrap it as a transformer.
        BundleTransformer.Register(mlContext, bundlePath);
        var transformer = BundleTransformer.Create(mlContext);

        // 2. Save it as an ML.NET model, and load it back the way any ML.NET app loads a model.
        var inputSchema = mlContext.Data.LoadFromEnumerable(Array.Empty<PaperText>()).Schema;
        mlContext.Model.Save(transformer, inputSchema, mlNetModelPath);
        var loaded = mlContext.Model.Load(mlNetModelPath, out _);

        // 3. One paper at a time: a PredictionEngine<PaperText, TopicPrediction>.
        var engine = mlContext.Model.CreatePredictionEngine<PaperText, TopicPrediction>(loaded);
        var fromEngine = papers.Select(p => engine.Predict(p)).ToArray();

        // 4. Many at once: Transform over an IDataView, as a step of a larger pipeline would.
        var scored = loaded.Transform(mlContext.Data.LoadFromEnumerable(papers));
        var fromDataView = scored.GetColumn<string>(nameof(TopicPrediction.Topic)).ToArray();
        return new Result(fromEngine, fromDataView);
    }

    /// <summary>Papers from a JSON Lines file with "title" and "abstract" fields (the format of data/corpus).</summary>
    public static IReadOnlyList<PaperText> ReadJsonl(string path, int count) => File.ReadLines(path)
        .Where(line => line.Length > 0)
        .Take(count)
        .Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return new PaperText
            {
                Title = json.RootElement.GetProperty("title").GetString() ?? "",
                Abstract = json.RootElement.GetProperty("abstract").GetString() ?? "",
            };
        })
        .ToArray();
}
