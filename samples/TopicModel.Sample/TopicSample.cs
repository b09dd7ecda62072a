using System.Text.Json;
using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using TopicModel.DataFrames;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.Training.Bundles;
using TopicModel.Training.Interop;
using TopicModel.Training.Recipes;

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

    /// <summary>The training DataFrame, the bundle trained from it, and the papers it scored, as a DataFrame.</summary>
    public sealed record FrameResult(DataFrame Training, string BundlePath, DataFrame Scored);

    /// <summary>
    /// What <c>dataframe</c> runs: the recipe's training digests with their reviewed labels as a DataFrame train a bundle
    /// (named after the recipe's, with "-dataframe"), which scores the first <paramref name="count"/> papers of a JSON
    /// Lines file, given as a DataFrame.
    /// </summary>
    public static FrameResult RunDataFrames(Recipe recipe, string papersPath, int count)
    {
        recipe = recipe with { Output = recipe.Output with { ModelName = recipe.Output.ModelName + "-dataframe" } };
        var training = LabeledPapers(recipe.Data.Train, recipe.Data.ReviewedLabels[0], recipe.TaxonomyPath);
        return TrainAndScore(recipe, training, Frame(ReadJsonl(papersPath, count)));
    }

    /// <summary>
    /// Training and scoring from DataFrames: a DataFrame with title, abstract and (optionally) date, digest and topic
    /// columns trains a bundle with the recipe's search, and the bundle scores a DataFrame of papers.
    /// </summary>
    /// <param name="recipe">Search, labeling, seed and output; the DataFrame replaces its training files.</param>
    /// <param name="training">The papers to train on; a row's topic is a reviewed label, an empty one leaves the paper to the rules.</param>
    /// <param name="papers">The papers to label (title and abstract).</param>
    private static FrameResult TrainAndScore(Recipe recipe, DataFrame training, DataFrame papers)
    {
        // 5. Train: a DataFrame is an IDataView, so ML.NET data from anywhere trains the same way.
        var trained = RowTraining.Train(recipe, training);

        // 6. Score a DataFrame with the bundle and get the scored papers back as one.
        var bundle = ModelBundleFile.Load(trained.Training.BundlePath);
        var scored = bundle.Score(papers, new Training.Scoring.ScoringOptions(TopicMixture: false));
        return new FrameResult(training, trained.Training.BundlePath, scored.Scored.ToDataFrame());
    }

    /// <summary>
    /// A DataFrame of labeled papers as a user might have one: the papers of digest files (any format the CLI reads)
    /// with the topics people gave them in reviewed-label files (data/labels).
    /// </summary>
    public static DataFrame LabeledPapers(IEnumerable<string> digests, string labelsFolder, string taxonomyPath)
    {
        var labels = ReviewedLabelReader.ReadDirectory(labelsFolder, TaxonomyReader.Read(taxonomyPath));
        var papers = digests.SelectMany(d => PaperReader.Read(d)).Where(i => i.Paper is not null).Select(i => i.Paper!).ToArray();
        // A paper's reviewed topic is the same in every digest it is reviewed for (the label reader checks).
        var topics = labels.GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.First().Topic);
        string? TopicOf(DataPrep.Papers.Paper p) => topics.GetValueOrDefault(p.Id);
        return new DataFrame(
            new StringDataFrameColumn("title", papers.Select(p => p.Title)),
            new StringDataFrameColumn("abstract", papers.Select(p => p.Abstract)),
            new DateTimeDataFrameColumn("date", papers.Select(p => p.Date?.ToDateTime(TimeOnly.MinValue))),
            new StringDataFrameColumn("digest", papers.Select(p => p.Digest)),
            new StringDataFrameColumn("topic", papers.Select(TopicOf)));
    }

    /// <summary>Papers to label as a DataFrame with title and abstract columns.</summary>
    public static DataFrame Frame(IReadOnlyList<PaperText> papers) => new(
        new StringDataFrameColumn("title", papers.Select(p => p.Title)),
        new StringDataFrameColumn("abstract", papers.Select(p => p.Abstract)));

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
