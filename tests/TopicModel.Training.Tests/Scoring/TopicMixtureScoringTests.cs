using System.Text;
using System.Text.Json;
using TopicModel.DataPrep.Ingestion;
using TopicModel.TestSupport;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Scoring;

namespace TopicModel.Training.Tests.Scoring;

/// <summary>Topic mixtures in scored records, from the saved bundle of the suite's one trained model (shipped recipe, 3 AutoML trials, 30 LDA sweeps).</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class TopicMixtureScoringTests(TrainedModel trained)
{
    private readonly ModelBundle _bundle = ModelBundleFile.Load(trained.BundlePath);

    private byte[] Score(IReadOnlyList<string> inputs, ScoringOptions options)
    {
        using var output = new MemoryStream();
        BatchScorer.Score(inputs, _bundle, output, TextWriter.Null, options);
        return output.ToArray();
    }

    private static List<JsonElement> Records(byte[] jsonl) =>
        Encoding.UTF8.GetString(jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Every_scored_paper_gets_the_topic_mixture_fold_in_inference_gives_its_text()
    {
        var lda = _bundle.Lda!;
        var records = Records(Score([RepoPaths.HeldOutDigest], new ScoringOptions()));
        var papers = PaperReader.Read(RepoPaths.HeldOutDigest, ReaderOptions.Default).Where(i => i.Paper is not null).Select(i => i.Paper!).ToList();

        Assert.Equal(112, records.Count);
        Assert.Equal(papers.Count, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(["id", "title", "digest", "topic", "probability", "top", "topics", "topicMixture"], records[i].EnumerateObject().Select(p => p.Name));
            var mixture = records[i].GetProperty("topicMixture").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(lda.NumberOfTopics, mixture.Length);
            Assert.Equal(1.0, mixture.Sum(), 2);
            Assert.All(mixture, m => Assert.InRange(m, 0, 1));
            // The same text LDA was trained on (title + abstract), rounded to the 4 decimals the writer keeps.
            var expected = lda.InferText(LdaStep.Text(papers[i]));
            Assert.Equal(expected.Select(e => Math.Round((double)e, 4)), mixture);
        }
    }

    [Fact]
    public void A_seeded_topic_dominates_the_mixture_of_papers_the_classifier_puts_in_its_taxonomy_topic()
    {
        // Seeded LDA topic i keeps taxonomy id i: on real papers its mixture should agree with the classifier far
        // more often than the 1 in 14 of chance.
        var lda = _bundle.Lda!;
        var records = Records(Score([RepoPaths.HeldOutDigest], new ScoringOptions()));
        var labelOf = lda.SeedTopics.ToDictionary(s => s.TopicId, s => s.Label);
        var agree = records.Count(r =>
        {
            var mixture = r.GetProperty("topicMixture").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var dominant = Array.IndexOf(mixture, mixture.Max());
            return labelOf.TryGetValue(dominant, out var label) && label == r.GetProperty("topic").GetString();
        });
        Assert.True(agree >= records.Count / 4, $"{agree} of {records.Count} papers: dominant LDA topic = classifier topic");
    }

    [Fact]
    public void Mixtures_do_not_depend_on_threads_batches_or_input_order()
    {
        var single = Score([RepoPaths.TrainingDigest, RepoPaths.HeldOutDigest], new ScoringOptions(BatchSize: 7, DegreeOfParallelism: 1));
        var parallel = Score([RepoPaths.TrainingDigest, RepoPaths.HeldOutDigest], new ScoringOptions(BatchSize: 5, DegreeOfParallelism: 8));
        Assert.Equal(single, parallel);

        // Digests in the other order: each paper still gets the same mixture (inference is seeded by the paper's
        // words, not its position), so the records are the same set.
        static string[] Pairs(byte[] jsonl) => [.. Records(jsonl).Select(r => r.GetProperty("id").GetString() + " " + r.GetProperty("topicMixture").GetRawText()).Order(StringComparer.Ordinal)];
        var reversed = Score([RepoPaths.HeldOutDigest, RepoPaths.TrainingDigest], new ScoringOptions(DegreeOfParallelism: 2));
        Assert.Equal(216 + 112, Records(single).Count);
        Assert.Equal(Pairs(single), Pairs(reversed));
    }

    [Fact]
    public void Turning_the_mixture_off_gives_the_classifier_only_output()
    {
        var off = Score([RepoPaths.HeldOutDigest], new ScoringOptions(TopicMixture: false));
        using var classifierOnly = new MemoryStream();
        BatchScorer.Score([RepoPaths.HeldOutDigest], _bundle.Classifier, classifierOnly, TextWriter.Null, new ScoringOptions(TopicSets: _bundle.Thresholds));

        Assert.Equal(classifierOnly.ToArray(), off);
        Assert.All(Records(off), r => Assert.False(r.TryGetProperty("topicMixture", out _)));
        // Adding the mixture changes nothing else in a record.
        var on = Records(Score([RepoPaths.HeldOutDigest], new ScoringOptions()));
        Assert.Equal(Records(off).Select(r => r.GetProperty("top").GetRawText()), on.Select(r => r.GetProperty("top").GetRawText()));
    }

    [Fact]
    public void Csv_output_has_a_topic_mixture_column()
    {
        var lines = Encoding.UTF8.GetString(Score([RepoPaths.HeldOutDigest], new ScoringOptions(Format: OutputFormat.Csv))).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("id,title,digest,topic,probability,top,topics,topicMixture", lines[0]);
        Assert.Equal(113, lines.Length);
        var shares = lines[1][(lines[1].LastIndexOf(',') + 1)..].Split(';').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(_bundle.Lda!.NumberOfTopics, shares.Length);
        Assert.Equal(1.0, shares.Sum(), 2);
    }
}
