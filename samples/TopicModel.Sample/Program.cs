using System.Globalization;
using TopicModel.Sample;

// dotnet run --project samples/TopicModel.Sample -- [BUNDLE.zip] [PAPERS.jsonl] [COUNT]
// Defaults: the bundle `topicmodel run` writes and the first 10 papers of the 2025 corpus.
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
