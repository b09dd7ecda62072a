using System.Text;
using TopicModel.ML.Lda;

namespace TopicModel.ML.Tests.Lda;

public class LdaModelPersistenceTests
{
    private static LdaModel Fit() => new LatentDirichletAllocation(new LatentDirichletAllocationOptions
    {
        NumberOfTopics = 3,
        MaximumNumberOfIterations = 20,
        MinimumDocumentCount = 1,
        MaximumDocumentFrequency = 1,
        NumberOfThreads = 1,
        AdditionalStopWords = ["lorem"],
        SeedTopics = [new SeedTopic(1, "seeded", [GeneratedTopics.Word(1, 0)])],
    }).FitTokens(GeneratedTopics.Create(documents: 60, topics: 3, wordsPerTopic: 8, length: 20, seed: 2).Documents);

    private static LdaModel Load(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        return LdaModel.Load(reader);
    }

    [Fact]
    public void Save_then_load_round_trips_the_model_exactly()
    {
        var model = Fit();
        var bytes = LatentDirichletAllocationTests.Bytes(model);
        var loaded = Load(bytes);

        Assert.Equal(bytes, LatentDirichletAllocationTests.Bytes(loaded));
        Assert.Equal(model.Topics.Select(t => (t.Id, t.SeedLabel, t.Size, string.Join(" ", t.TopTerms))),
            loaded.Topics.Select(t => (t.Id, t.SeedLabel, t.Size, string.Join(" ", t.TopTerms))));
        Assert.Equal(model.Alpha, loaded.Alpha);
        Assert.Equal(model.LikelihoodTrace, loaded.LikelihoodTrace);
        Assert.Equal(model.Options.AdditionalStopWords, loaded.Options.AdditionalStopWords);
        string[] document = [GeneratedTopics.Word(0, 1), GeneratedTopics.Word(0, 2), GeneratedTopics.Word(2, 0)];
        Assert.Equal(model.Infer(document), loaded.Infer(document));
        Assert.Equal(model.InferText("t0w1 t0w2 lorem"), loaded.InferText("t0w1 t0w2 lorem"));
    }

    [Fact]
    public void Damaged_or_truncated_model_bytes_fail_with_a_clear_error()
    {
        var bytes = LatentDirichletAllocationTests.Bytes(Fit());

        var truncated = Assert.Throws<TopicModelException>(() => Load(bytes[..(bytes.Length / 2)]));
        Assert.Contains("truncated", truncated.Message);

        var notModel = Assert.Throws<TopicModelException>(() => Load(Encoding.UTF8.GetBytes("\u0005hello world")));
        Assert.Contains("not an LDA model", notModel.Message);

        // The topic count is the first int after the magic string and the version.
        var badTopics = (byte[])bytes.Clone();
        var offset = 1 + "TopicModel.LdaModel".Length + 4;
        BitConverter.GetBytes(0).CopyTo(badTopics, offset);
        Assert.Contains("topic count 0", Assert.Throws<TopicModelException>(() => Load(badTopics)).Message);

        var newer = (byte[])bytes.Clone();
        BitConverter.GetBytes(99).CopyTo(newer, offset - 4);
        Assert.Contains("format version 99", Assert.Throws<TopicModelException>(() => Load(newer)).Message);
    }

    [Fact]
    public void Older_models_fold_in_as_when_they_were_written_version_1_by_gibbs_and_version_2_at_the_old_tolerance()
    {
        var model = Fit();
        Assert.Equal(LdaInference.Cvb0, model.Options.Inference);
        var gibbs = model.WithInference(LdaInference.Gibbs, model.Options.InferenceIterations);
        var v3 = LatentDirichletAllocationTests.Bytes(gibbs);
        Assert.Equal(LdaInference.Gibbs, Load(v3).Options.Inference);

        // Version 2 had no tolerance (a double after the method), version 1 no method either; both follow the
        // inference iterations, the eighth field after the magic string.
        var version = 1 + "TopicModel.LdaModel".Length;
        var at = version + 4 + 4 + 8 + 8 + 4 + 4 + 4 + 4;
        var current = LatentDirichletAllocationTests.Bytes(model);
        Assert.Equal(3, BitConverter.ToInt32(current, version));
        Assert.Equal((int)LdaInference.Cvb0, BitConverter.ToInt32(current, at));
        Assert.Equal(model.Options.InferenceTolerance, BitConverter.ToDouble(current, at + 4));
        string[] document = [GeneratedTopics.Word(0, 1), GeneratedTopics.Word(0, 2), GeneratedTopics.Word(2, 0), GeneratedTopics.Word(0, 3)];

        var v2 = current[..(at + 4)].Concat(current[(at + 12)..]).ToArray();
        BitConverter.GetBytes(2).CopyTo(v2, version);
        var loaded2 = Load(v2);
        Assert.Equal(LdaInference.Cvb0, loaded2.Options.Inference);
        Assert.Equal(0.01, loaded2.Options.InferenceTolerance);
        Assert.Equal(model.WithInference(LdaInference.Cvb0, model.Options.InferenceIterations, 0.01).Infer(document), loaded2.Infer(document));

        var v1 = current[..at].Concat(current[(at + 12)..]).ToArray();
        BitConverter.GetBytes(1).CopyTo(v1, version);
        var loaded = Load(v1);
        Assert.Equal(LdaInference.Gibbs, loaded.Options.Inference);
        Assert.Equal(gibbs.Infer(document), loaded.Infer(document));
        Assert.NotEqual(model.Infer(document), loaded.Infer(document));
        // Saved again it is a current-version model that says Gibbs (and the old tolerance, which Gibbs ignores).
        Assert.Equal(v3, LatentDirichletAllocationTests.Bytes(loaded.WithInference(LdaInference.Gibbs, loaded.Options.InferenceIterations, model.Options.InferenceTolerance)));

        var unknown = (byte[])current.Clone();
        BitConverter.GetBytes(7).CopyTo(unknown, at);
        Assert.Contains("Inference 7 is not a known fold-in method", Assert.Throws<TopicModelException>(() => Load(unknown)).Message);
        var negative = (byte[])current.Clone();
        BitConverter.GetBytes(-1.0).CopyTo(negative, at + 4);
        Assert.Contains("InferenceTolerance must be positive", Assert.Throws<TopicModelException>(() => Load(negative)).Message);
    }
}
