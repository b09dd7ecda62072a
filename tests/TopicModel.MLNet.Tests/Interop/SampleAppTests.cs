using System.Text.Json;
using TopicModel.Cli;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.Sample;
using TopicModel.TestSupport;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.MLNet.Tests.Interop;

/// <summary>
/// samples/TopicModel.Sample, step for step, on a real bundle: the bundle saved as an ML.NET model, loaded with
/// mlContext.Model.Load, predicting with a PredictionEngine and with Transform, gives the topics `topicmodel score`
/// writes for the same papers.
/// </summary>
public sealed class SampleAppTests : IDisposable
{
    private const int PaperCount = 40;
    private readonly TempRecipe _recipe = new();

    public void Dispose() => _recipe.Dispose();

    [Fact]
    public async Task The_sample_loads_a_bundle_with_model_load_and_predicts_the_topics_topicmodel_score_writes()
    {
        var r = RecipeReader.Read(_recipe.RecipePath);
        var data = DataPreparation.Run(new PrepInputs(r.TaxonomyPath, r.Data.Train, [], [], r.Data.ReviewedLabels, new LabelingOptions()));
        var bundle = TrainingRun.Run(r, data).BundlePath;
        // Papers no model saw: the 2025 corpus's last ones (the labeled sample and pool are not in this recipe's training data).
        var input = Path.Combine(_recipe.Directory, "papers.jsonl");
        File.WriteAllLines(input, File.ReadLines(Path.Combine(RepoPaths.Data, "corpus", "hf-daily-papers-2025.jsonl")).TakeLast(PaperCount));
        var scoredPath = Path.Combine(_recipe.Directory, "scored.jsonl");
        var code = await CliApp.RunAsync(["score", "-m", bundle, input, "-o", scoredPath, "--no-topic-mixture"], TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, code);
        var scored = File.ReadLines(scoredPath).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Topic: e.GetProperty("topic").GetString()!, Probability: e.GetProperty("probability").GetDouble())).ToArray();

        var result = TopicSample.Run(bundle, TopicSample.ReadJsonl(input, PaperCount), Path.Combine(_recipe.Directory, "topicmodel.mlnet.zip"));

        Assert.Equal(PaperCount, scored.Length);
        Assert.Equal(scored.Select(s => s.Topic), result.FromEngine.Select(p => p.Topic));
        Assert.Equal(scored.Select(s => s.Topic), result.FromDataView);
        for (var i = 0; i < PaperCount; i++) Assert.Equal(scored[i].Probability, result.FromEngine[i].Probability, 3);
        Assert.True(scored.Select(s => s.Topic).Distinct().Count() >= 3, "the papers should not all get one topic");
    }
}
