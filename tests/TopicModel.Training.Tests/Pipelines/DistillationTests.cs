using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Ingestion;
using TopicModel.ML;
using TopicModel.TestSupport;
using TopicModel.Training.AutoML;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.Training.Tests.Pipelines;

/// <summary>
/// A distilled bundle trained on real papers: 60 training-digest papers with their reviewed labels, and 40 unlabeled
/// arXiv 2025 papers as the pool (about 115 texts for MiniLM to embed). The teacher reads MiniLM vectors; the student
/// is lexical, learns the teacher's probabilities on the pool, and is what the bundle scores with by default.
/// </summary>
public sealed class DistillationTests(DistilledModel model) : IClassFixture<DistilledModel>
{
    private readonly TempRecipe _recipe = model.Recipe;
    private readonly TrainingResult _result = model.Result;

    [Fact]
    public void The_bundle_scores_with_a_lexical_student_and_keeps_the_teacher_with_its_encoder()
    {
        var trained = _result.Bundle;
        Assert.Null(trained.Classifier.Encoder);
        Assert.True(trained.HasTeacher);
        Assert.Equal("MiniLM", trained.TeacherClassifier!.Encoder!.Name);
        var manifest = trained.Manifest;
        Assert.Equal("MiniLM", manifest["teacher"]!["encoder"]!["name"]!.GetValue<string>());
        Assert.Equal("none", manifest["pipeline"]!["encoder"]!.GetValue<string>());
        Assert.Equal(40, manifest["distillation"]!["poolPapers"]!.GetValue<int>());
        Assert.NotNull(_result.Teacher);

        var loaded = ModelBundleFile.Load(_result.BundlePath);
        Assert.True(loaded.HasTeacher);
        var teacher = loaded.AsTeacher();
        Assert.Equal("MiniLM", teacher.Classifier.Encoder!.Name);
        Assert.Equal("test (teacher)", teacher.Name);
        Assert.Equal("MiniLM", teacher.Manifest["encoder"]!["name"]!.GetValue<string>());

        var a = new float[14];
        var b = new float[14];
        var differ = 0;
        foreach (var paper in PaperReader.ReadFile(RepoPaths.HeldOutDigest).Papers.Take(8))
        {
            trained.Classifier.Predict(paper, a);
            loaded.Classifier.Predict(paper, b);
            Assert.Equal(a, b);
            trained.TeacherClassifier.Predict(paper, a);
            teacher.Classifier.Predict(paper, b);
            Assert.Equal(a, b);
            loaded.Classifier.Predict(paper, a);
            if (!a.SequenceEqual(b)) differ++;
        }
        // Two different models: the student's probabilities are its own, not the teacher's copied through.
        Assert.True(differ > 0);
    }

    [Fact]
    public void The_student_was_validated_on_the_same_folds_as_its_teacher_and_both_are_reported()
    {
        var teacher = Assert.IsType<TeacherSummary>(_result.Teacher);
        Assert.Contains("lexical student", teacher.Rule);
        Assert.Single(teacher.StudentSearch.Trials);
        var metrics = _result.Bundle.Manifest["teacher"]!["metrics"]!;
        Assert.Equal(teacher.Dev.MacroF1, metrics["dev"]!["macroF1"]!.GetValue<double>());
        Assert.Equal(_result.Dev.MacroF1, _result.Bundle.Manifest["metrics"]!["dev"]!["macroF1"]!.GetValue<double>());
        Assert.Equal(teacher.Dev.PerClass.Sum(c => c.Support), _result.Dev.PerClass.Sum(c => c.Support));
    }

    [Fact]
    public void Each_fold_teacher_labels_the_pool_with_the_model_fitted_without_that_fold()
    {
        var recipe = RecipeReader.Read(_recipe.RecipePath);
        var corpus = TrainingRun.Corpus(_result.Data);
        var encoder = Embeddings.SentenceEncoderCatalog.Open("MiniLM", Embeddings.EmbeddingCache.DefaultRoot);
        var vectors = EmbeddingStep.Embed(corpus, ["MiniLM"], Embeddings.EmbeddingCache.DefaultRoot);
        var workspace = new PipelineWorkspace(corpus, new RuleFeatures(_result.Data.Taxonomy, new DataPrep.Labeling.LabelingOptions()), recipe.Seed, null, vectors);
        var validation = new PipelineValidation(workspace, 3, recipe.Seed);
        var options = new PipelineOptions { Trainer = "SdcaMaximumEntropy", Encoder = encoder.Name, EmbeddingWeight = 2 };

        var outcome = validation.Run(options, CancellationToken.None, teacher: null, predictPool: true);

        var pool = Assert.IsType<FoldPoolPredictions>(outcome.PoolPredictions);
        Assert.Equal(3, pool.CrossValidation.Length);
        var probabilities = new float[14];
        for (var k = 0; k < 3; k++)
        {
            var train = Enumerable.Range(0, corpus.Labeled.Count).Where(i => validation.FoldOf(i) != k).ToArray();
            var fitted = workspace.Fit(options, train, $"fold {k}/3");
            Assert.Equal(corpus.Pool.Count, pool.CrossValidation[k].Length);
            for (var i = 0; i < corpus.Pool.Count; i++)
            {
                fitted.Predict(corpus.PoolStart + i, probabilities);
                Assert.Equal(probabilities, pool.CrossValidation[k][i]);
            }
        }
    }

    [Fact]
    public void Pool_papers_learn_the_teachers_probabilities_instead_of_the_rules_weak_labels()
    {
        var corpus = TrainingRun.Corpus(_result.Data);
        var workspace = new PipelineWorkspace(corpus, new RuleFeatures(_result.Data.Taxonomy, new DataPrep.Labeling.LabelingOptions()), seed: 3);
        var labeled = Enumerable.Range(0, corpus.Labeled.Count).ToArray();
        // A teacher that calls every pool paper by a topic none of them has as weak label.
        var code = Enumerable.Range(0, 14).First(t => corpus.Pool.All(p => p.Topic != t));
        var targets = corpus.Pool.Select(_ => Enumerable.Range(0, 14).Select(c => c == code ? 0.99f : 0.01f / 13).ToArray()).ToArray();
        var options = new PipelineOptions { Trainer = "SdcaMaximumEntropy", PoolWeight = 3 };

        var weak = workspace.Fit(options, labeled, "all");
        var distilled = workspace.Fit(options, labeled, "all", poolTargets: new PoolTargets(targets, 0.05f));

        var probabilities = new float[14];
        int Code(FittedPipeline f) => Enumerable.Range(0, corpus.Pool.Count).Count(i =>
        {
            f.Predict(corpus.PoolStart + i, probabilities);
            return Array.IndexOf(probabilities, probabilities.Max()) == code;
        });
        Assert.Equal(0, Code(weak));
        Assert.True(Code(distilled) >= corpus.Pool.Count * 0.9, $"{Code(distilled)} of {corpus.Pool.Count}");
    }

    [Fact]
    public void Hard_targets_leave_out_pool_papers_whose_teacher_is_below_the_probability_floor()
    {
        var corpus = TrainingRun.Corpus(_result.Data);
        var workspace = new PipelineWorkspace(corpus, new RuleFeatures(_result.Data.Taxonomy, new DataPrep.Labeling.LabelingOptions()), seed: 3);
        var labeled = Enumerable.Range(0, corpus.Labeled.Count).ToArray();
        // An unsure teacher: every pool paper's top topic is one no pool paper has as weak label, at probability 0.4.
        var code = Enumerable.Range(0, 14).First(t => corpus.Pool.All(p => p.Topic != t));
        var targets = corpus.Pool.Select(_ => Enumerable.Range(0, 14).Select(c => c == code ? 0.4f : 0.6f / 13).ToArray()).ToArray();
        var options = new PipelineOptions { Trainer = "SdcaMaximumEntropy", PoolWeight = 3 };

        var kept = workspace.Fit(options, labeled, "all", poolTargets: new PoolTargets(targets, 0.02f, Hard: true));
        var floored = workspace.Fit(options, labeled, "all", poolTargets: new PoolTargets(targets, 0.5f, Hard: true));
        // No probability reaches 1: a fit that learns from no pool paper at all, on the same features.
        var none = workspace.Fit(options, labeled, "all", poolTargets: new PoolTargets(targets, 1f, Hard: true));

        float[] Predict(FittedPipeline f, int i)
        {
            var probabilities = new float[14];
            f.Predict(corpus.PoolStart + i, probabilities);
            return probabilities;
        }
        int Code(FittedPipeline f) => Enumerable.Range(0, corpus.Pool.Count).Count(i => Array.IndexOf(Predict(f, i), Predict(f, i).Max()) == code);
        Assert.True(Code(kept) >= corpus.Pool.Count * 0.9, $"below the floor's default: {Code(kept)} of {corpus.Pool.Count}");
        Assert.True(Code(floored) < Code(kept), $"above the floor: {Code(floored)} of {corpus.Pool.Count}");
        for (var i = 0; i < corpus.Pool.Count; i++) Assert.Equal(Predict(none, i), Predict(floored, i));
    }

    [Fact]
    public void Class_balance_weighs_the_teachers_pseudo_labels_together_with_the_labeled_papers()
    {
        var corpus = TrainingRun.Corpus(_result.Data);
        var workspace = new PipelineWorkspace(corpus, new RuleFeatures(_result.Data.Taxonomy, new DataPrep.Labeling.LabelingOptions()), seed: 3);
        var labeled = Enumerable.Range(0, corpus.Labeled.Count).ToArray();
        // A teacher that calls every pool paper the labeled papers' commonest topic, as a vision-heavy pool does.
        var common = corpus.Labeled.GroupBy(p => p.Topic).MaxBy(g => g.Count())!.Key;
        var targets = corpus.Pool.Select(_ => Enumerable.Range(0, 14).Select(c => c == common ? 0.9f : 0.1f / 13).ToArray()).ToArray();
        var pool = workspace.PoolPapers(null);
        var teacher = new PoolTargets(targets, 0.5f, Hard: true);

        double[] Mass(float balance, out double total, out int count)
        {
            var (examples, labeledCount) = workspace.Examples(new PipelineOptions { PoolWeight = 3, ClassBalance = balance }, labeled, pool, teacher);
            Assert.Equal(corpus.Labeled.Count, labeledCount);
            var mass = new double[14];
            foreach (var e in examples) mass[e.Topic] += e.Weight;
            total = examples.Sum(e => (double)e.Weight);
            count = examples.Count;
            return mass;
        }
        var raw = Mass(0, out var rawTotal, out var rawCount);
        var balanced = Mass(1, out var balancedTotal, out var balancedCount);

        Assert.Equal(corpus.Labeled.Count + corpus.Pool.Count, rawCount);
        Assert.Equal(rawCount, balancedCount);
        Assert.Equal(rawTotal, balancedTotal, 1e-3 * rawTotal);
        // Unbalanced, the pseudo-labels pile onto one topic; balanced, every topic present weighs the same, pool included.
        Assert.True(raw[common] > rawTotal / 2, $"{raw[common]} of {rawTotal}");
        var present = balanced.Where(m => m > 0).ToArray();
        Assert.True(present.Length > 2, $"{present.Length} topics");
        Assert.All(present, m => Assert.Equal(present[0], m, 1e-3 * present[0]));
    }

    [Fact]
    public void Naive_bayes_with_sentence_vectors_is_refused_before_any_fitting()
    {
        var corpus = TrainingRun.Corpus(_result.Data);
        var workspace = new PipelineWorkspace(corpus, new RuleFeatures(_result.Data.Taxonomy, new DataPrep.Labeling.LabelingOptions()), seed: 3);
        var e = Assert.Throws<TopicModelException>(() =>
            workspace.Fit(new PipelineOptions { Trainer = "NaiveBayes", Encoder = "MiniLM" }, [.. Enumerable.Range(0, corpus.Labeled.Count)], "all"));
        Assert.Contains("NaiveBayes: reads features as counts, and the MiniLM sentence vectors have negative values", e.Message);
    }

    [Fact]
    public void A_student_search_space_with_an_encoder_is_refused_naming_the_recipe_path()
    {
        using var recipe = DistillationRecipe.Create("soft", json => json["distillation"]!["searchSpace"]!["encoder"] = "MiniLM");
        var e = Assert.Throws<TopicModelException>(() => TrainingRunTests.Train(RecipeReader.Read(recipe.RecipePath)));
        Assert.Contains("$.distillation.searchSpace: the student reads no sentence vectors", e.Message);
        Assert.StartsWith(recipe.RecipePath, e.Message);
    }

    [Fact]
    public void A_search_without_an_encoder_skips_distillation_and_its_student_settings()
    {
        // The student starts from topic features, which need LDA; the recipe fits none, but without an encoder to choose
        // there is no teacher, so the student search is never set up and its settings are not held against the recipe.
        using var recipe = DistillationRecipe.Create("soft", json =>
        {
            json["automl"]!["searchSpace"]!.AsObject().Remove("encoder");
            json["automl"]!["searchSpace"]!.AsObject().Remove("embeddingWeight");
            json["distillation"]!["initialConfigurations"] = new JsonArray(new JsonObject { ["topicFeatureWeight"] = 1 });
        });
        var log = new List<string>();
        var recipeRead = RecipeReader.Read(recipe.RecipePath);
        var result = TrainingRun.Run(recipeRead, TrainingRunTests.Prepare(recipeRead), log.Add);
        Assert.False(result.Bundle.HasTeacher);
        Assert.Null(result.Teacher);
        Assert.Contains(log, l => l.StartsWith("distillation: skipped, the search has no sentence encoder", StringComparison.Ordinal));
    }

    [Fact]
    public void Accurate_scoring_of_a_bundle_without_a_teacher_fails_clearly()
    {
        var plain = _result.Bundle;
        var bundle = new ModelBundle(plain.Manifest, plain.Taxonomy, plain.TaxonomyJson, plain.Classifier, plain.Lda);
        Assert.False(bundle.HasTeacher);
        var e = Assert.Throws<TopicModelException>(bundle.AsTeacher);
        Assert.Contains("this model has no teacher", e.Message);
    }
}

/// <summary>The distilled bundle the tests share: trained once per test class, not once per test.</summary>
public sealed class DistilledModel : IDisposable
{
    public DistilledModel()
    {
        Recipe = DistillationRecipe.Create("soft");
        Result = TrainingRunTests.Train(RecipeReader.Read(Recipe.RecipePath));
    }

    public TempRecipe Recipe { get; }
    public TrainingResult Result { get; }

    public void Dispose() => Recipe.Dispose();
}
