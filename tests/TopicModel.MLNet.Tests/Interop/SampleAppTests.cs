using System.Text.Json;
using TopicModel.Cli;
using TopicModel.Cli.Commands;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.Sample;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.MLNet.Tests.Interop;

/// <summary>
/// samples/TopicModel.Sample, step for step, on a real bundle: the bundle saved as an ML.NET model, loaded with
/// mlContext.Model.Load, predicting with a PredictionEngine and with Transform, gives the topics `topicmodel score`
/// writes for the same papers; and its DataFrame steps (train from a DataFrame, score a DataFrame) give the bundle and
/// topics that training from the same papers' files gives.
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

    [Fact]
    public async Task The_sample_trains_from_a_data_frame_and_scores_a_data_frame_like_a_bundle_trained_from_the_same_files()
    {
        // The recipe's training digest and reviewed labels only, so the files and the DataFrame hold the same papers.
        var r = RecipeReader.Read(_recipe.RecipePath);
        r = r with { Data = r.Data with { HeldOut = [], Unlabeled = [] } };
        var fromFiles = TrainingRun.Run(r, DataPreparation.Run(PrepCommand.ToInputs(r)));
        var input = Path.Combine(_recipe.Directory, "papers.jsonl");
        File.WriteAllLines(input, File.ReadLines(Path.Combine(RepoPaths.Data, "corpus", "hf-daily-papers-2025.jsonl")).TakeLast(PaperCount));
        var scoredPath = Path.Combine(_recipe.Directory, "scored.jsonl");
        Assert.Equal(0, await CliApp.RunAsync(["score", "-m", fromFiles.BundlePath, input, "-o", scoredPath, "--no-topic-mixture"], TextWriter.Null, TextWriter.Null));
        var scored = File.ReadLines(scoredPath).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Topic: e.GetProperty("topic").GetString()!, Probability: e.GetProperty("probability").GetDouble())).ToArray();

        var frames = TopicSample.RunDataFrames(r, input, PaperCount);

        Assert.Equal(fromFiles.Data.Papers.Count, (int)frames.Training.Rows.Count);
        Assert.Equal(fromFiles.Data.Papers.Count(p => p.Reviewed is not null), (int)(frames.Training.Rows.Count - frames.Training["topic"].NullCount));
        Assert.NotEqual(fromFiles.BundlePath, frames.BundlePath);
        Assert.Equal(fromFiles.Bundle.Manifest["pipeline"]?.ToJsonString(), ModelBundleFile.Load(frames.BundlePath).Manifest["pipeline"]?.ToJsonString());
        Assert.Equal(PaperCount, frames.Scored.Rows.Count);
        Assert.Equal(scored.Select(s => s.Topic), frames.Scored["Topic"].Cast<string>());
        var probabilities = frames.Scored["Probability"].Cast<float?>().ToArray();
        for (var i = 0; i < PaperCount; i++) Assert.Equal(scored[i].Probability, probabilities[i]!.Value, 3);
    }
}
