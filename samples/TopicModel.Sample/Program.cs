using System.Globalization;
using TopicModel.Sample;
using TopicModel.Training.Recipes;

// dotnet run --project samples/TopicModel.Sample -- [BUNDLE.zip] [PAPERS.jsonl] [COUNT]
//   A bundle as an ML.NET model: the bundle `topicmodel run` writes and the first 10 papers of the 2025 corpus by default.
// dotnet run --project samples/TopicModel.Sample -- dataframe [RECIPE.json] [PAPERS.jsonl] [COUNT]
//   Training and scoring from DataFrames: the recipe's training digests and reviewed labels as a DataFrame train a
//   bundle (named after the recipe's, with "-dataframe"), which scores a DataFrame of papers.
if (args.Length > 0 && args[0] == "dataframe")
{
    var recipePath = args.Length > 1 ? args[1] : "train.json";
    var papersPath = args.Length > 2 ? args[2] : Path.Combine("data", "corpus", "hf-daily-papers-2025.jsonl");
    var n = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
    var frames = TopicSample.RunDataFrames(RecipeReader.Read(recipePath), papersPath, n);
    Console.WriteLine($"training DataFrame: {frames.Training.Rows.Count} papers, {frames.Training["topic"].NullCount} without a reviewed topic");
    Console.WriteLine($"bundle: {frames.BundlePath}");
    Console.WriteLine(frames.Scored);
    return 0;
}

var bundle = args.Length > 0 ? args[0] : Path.Combine("models", "topicmodel.zip");
var input = args.Length > 1 ? args[1] : Path.Combine("data", "corpus", "hf-daily-papers-2025.jsonl");
var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
if (!File.Exists(bundle))
{
    Console.Error.WriteLine($"{bundle} not found: train one with `dotnet run --project src/TopicModel.Cli -c Release -- run`, or pass its path");
    return 2;
}

var papers = TopicSample.ReadJsonl(input, count);
var modelPath = Path.Combine(Path.GetTempPath(), "topicmodel.mlnet.zip");
var result = TopicSample.Run(bundle, papers, modelPath);
Console.WriteLine($"ML.NET model with the bundle's mapping: {modelPath}");
for (var i = 0; i < papers.Count; i++)
    Console.WriteLine($"{result.FromEngine[i].Topic,-28} {result.FromEngine[i].Probability:0.000}  {papers[i].Title}");
return 0;
