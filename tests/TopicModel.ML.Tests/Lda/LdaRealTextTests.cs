using TopicModel.ML.Lda;
using TopicModel.ML.Tests.Trainers;
using TopicModel.TestSupport;

namespace TopicModel.ML.Tests.Lda;

/// <summary>LDA on the shipped digests: raw text in, the public tokenization and vocabulary, fold-in of new papers.</summary>
public class LdaRealTextTests
{
    private static readonly string[] Training = DigestFixture.ReadTrainingDigest(RepoPaths.TrainingDigest).Select(p => p.Title + "\n" + p.Abstract).ToArray();
    private static readonly string[] HeldOut = DigestFixture.ReadHeldOutDigest(RepoPaths.HeldOutDigest).Select(p => p.Title + "\n" + p.Abstract).ToArray();

    private static LatentDirichletAllocationOptions Options => new()
    {
        NumberOfTopics = 6,
        MaximumNumberOfIterations = 40,
        NumberOfThreads = 2,
        SeedTopics = [new SeedTopic(2, "unlearning", ["unlearning", "forget", "forgetting"])],
    };

    [Fact]
    public void Fitting_raw_texts_equals_fitting_the_public_tokens_with_the_public_vocabulary()
    {
        var lda = new LatentDirichletAllocation(Options);
        var tokens = lda.Tokenize(Training);
        var vocabulary = lda.BuildVocabulary(tokens);
        var model = lda.Fit(Training);

        // What bench/lda_compare.sh exports for other systems is exactly what Fit sees.
        Assert.Equal(vocabulary.Terms, model.Vocabulary.Terms);
        Assert.Equal(LatentDirichletAllocationTests.Bytes(model), LatentDirichletAllocationTests.Bytes(lda.FitTokens(tokens)));
        Assert.Equal(216, Training.Length);
        Assert.Equal(Training.Length, model.DocumentTopics.Count);

        // The rules hold: stop words and numbers are gone, every term is in 2+ documents and at most half of them.
        Assert.DoesNotContain("the", vocabulary.Terms);
        Assert.DoesNotContain(vocabulary.Terms, t => t.Any(char.IsDigit) && t.All(char.IsDigit));
        Assert.All(Enumerable.Range(0, vocabulary.Count), i => Assert.InRange(vocabulary.DocumentFrequency(i), 2, Training.Length / 2));
        Assert.Contains("unlearning", vocabulary.Terms);
    }

    [Fact]
    public void Fold_in_of_raw_text_matches_fold_in_of_its_tokens_and_finds_the_seeded_topic()
    {
        var model = new LatentDirichletAllocation(Options).Fit(Training);
        foreach (var text in HeldOut)
        {
            // The scorer's string-free path (InferText) and the token path must agree exactly.
            Assert.Equal(model.Infer(model.Tokenize(text)), model.InferText(text));
        }

        var unlearning = HeldOut.Where(t => t.Contains("unlearning", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.NotEmpty(unlearning);
        foreach (var text in unlearning)
        {
            var theta = model.InferText(text);
            Assert.True(theta[2] > 1.0 / model.NumberOfTopics, $"seeded topic share {theta[2]:F3} for: {text[..60]}");
        }
    }

    [Fact]
    public void Fold_in_by_cvb0_and_by_gibbs_at_the_default_iterations_is_close_to_a_long_gibbs_run()
    {
        // One fit, folded in with each method; held-out papers mix topics. The reference is the posterior mean of a long run.
        var fitted = new LatentDirichletAllocation(Options).Fit(Training);
        float[][] Mixtures(LdaInference method, int iterations)
        {
            var model = fitted.WithInference(method, iterations);
            Assert.Equal((method, iterations), (model.Options.Inference, model.Options.InferenceIterations));
            Assert.Equal(fitted.TopTerms(2, 10), model.TopTerms(2, 10));
            return HeldOut.Select(model.InferText).ToArray();
        }
        var reference = Mixtures(LdaInference.Gibbs, 2000);
        double Distance(float[][] mixtures) => mixtures.Zip(reference, (a, b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Sum()).Average();

        var defaults = new LatentDirichletAllocationOptions();
        Assert.Equal(LdaInference.Cvb0, defaults.Inference);
        var cvb0 = Distance(Mixtures(LdaInference.Cvb0, defaults.InferenceIterations));
        var gibbs = Distance(Mixtures(LdaInference.Gibbs, defaults.InferenceIterations));
        var twoSweeps = Distance(Mixtures(LdaInference.Gibbs, 2));
        Assert.True(gibbs < 0.05, $"Gibbs: mean L1 {gibbs:F3} to the 2000-sweep mixtures");
        Assert.True(gibbs < twoSweeps / 2, $"default sweeps {gibbs:F3}, 2 sweeps {twoSweeps:F3}");
        // CVB0 has no sampling noise: closer to the long run than the default Gibbs sweeps.
        Assert.True(cvb0 < gibbs, $"CVB0 {cvb0:F3}, Gibbs {gibbs:F3}");
        Assert.Equal(HeldOut.Select(fitted.InferText), Mixtures(fitted.Options.Inference, fitted.Options.InferenceIterations));
        Assert.All(HeldOut.Select(fitted.InferText), m => Assert.Equal(1.0, m.Sum(), 4));
        var e = Assert.Throws<TopicModelException>(() => fitted.WithInferenceIterations(0));
        Assert.Contains("InferenceIterations must be at least 1", e.Message);
    }

    [Fact]
    public void Cvb0_fold_in_nears_its_fixed_point_as_the_tolerance_tightens_and_any_thread_or_model_order_gives_the_same_bits()
    {
        var fitted = new LatentDirichletAllocation(Options).Fit(Training);
        float[][] Mixtures(double tolerance, int iterations = 100) =>
            HeldOut.Select(fitted.WithInference(LdaInference.Cvb0, iterations, tolerance).InferText).ToArray();
        var fixedPoint = Mixtures(1e-6, 5000);
        double Distance(float[][] mixtures) => mixtures.Zip(fixedPoint, (a, b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Sum()).Average();
        var loose = Distance(Mixtures(0.5));
        var standard = Distance(Mixtures(new LatentDirichletAllocationOptions().InferenceTolerance));
        var tight = Distance(Mixtures(0.01));
        Assert.True(tight < standard && standard < loose, $"L1 to the fixed point: 0.5 → {loose:F4}, default → {standard:F4}, 0.01 → {tight:F4}");
        Assert.True(standard < 0.03, $"default tolerance: mean L1 {standard:F4} to the fixed point");

        // The per-thread table of distinct words is shared by every model a thread folds in with: a model with another
        // vocabulary in between, or another thread, changes no bit.
        var other = new LatentDirichletAllocation(Options with { NumberOfTopics = 5, MaximumVocabularySize = 50 }).Fit(Training);
        var expected = HeldOut.Select(fitted.InferText).ToArray();
        var interleaved = HeldOut.Select(text => { other.InferText(text); return fitted.InferText(text); }).ToArray();
        Assert.Equal(expected, interleaved);
        var parallel = new float[HeldOut.Length][];
        Parallel.For(0, HeldOut.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = fitted.InferText(HeldOut[i]));
        Assert.Equal(expected, parallel);
    }

    [Fact]
    public void Documents_of_only_stop_words_numbers_or_single_letters_leave_an_empty_vocabulary()
    {
        var lda = new LatentDirichletAllocation(new LatentDirichletAllocationOptions { MinimumDocumentCount = 1 });
        var e = Assert.Throws<TopicModelException>(() => lda.Fit(["The and of 2024", "a b c 17 of the", ""]));
        Assert.Contains("vocabulary is empty after pruning (0 distinct terms in 3 documents", e.Message);
    }

    [Fact]
    public void A_vocabulary_of_only_too_common_terms_is_rejected_naming_the_document_frequency_limit()
    {
        // Every word is in every document: all above the 50% ceiling.
        var lda = new LatentDirichletAllocation(new LatentDirichletAllocationOptions { MinimumDocumentCount = 1, MaximumDocumentFrequency = 0.5 });
        var e = Assert.Throws<TopicModelException>(() => lda.Fit(["graph neural network", "network graph neural", "neural network graph"]));
        Assert.Contains("vocabulary is empty after pruning (3 distinct terms in 3 documents", e.Message);
        Assert.Contains("3 in more than 50% of the documents (MaximumDocumentFrequency)", e.Message);
    }
}
