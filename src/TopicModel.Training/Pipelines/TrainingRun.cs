using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.Embeddings;
using TopicModel.ML;
using TopicModel.ML.AutoML;
using TopicModel.ML.Metrics;
using TopicModel.ML.MultiLabel;
using TopicModel.Training.AutoML;
using TopicModel.Training.Bundles;
using TopicModel.Training.Recipes;
using TopicModel.Training.Trainers;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// recipe -> prepared papers -> AutoML search (cross-validated on the labeled training papers) ->
/// the best pipeline refitted on all of them -> bundle + leaderboard. With a trial limit the run is
/// deterministic: same data, recipe and seed give the same leaderboard and a byte-identical bundle.
/// Cancelling stops the search and keeps the best pipeline found so far.
/// </summary>
public static class TrainingRun
{
    public static TrainingResult Run(
        Recipe recipe, PreparedData data, Action<string>? log = null, Action<Trial, ExperimentResult>? onTrial = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var corpus = Corpus(data);
        if (corpus.Labeled.Count < recipe.AutoML.Folds)
            throw new TopicModelException($"only {corpus.Labeled.Count} labeled training papers; need at least {recipe.AutoML.Folds} for {recipe.AutoML.Folds}-fold validation", recipe.SourcePath);
        var labeling = new LabelingOptions(TitleWeight: recipe.Labeling.TitleWeight, FallbackTopic: recipe.Labeling.FallbackTopic);
        // The search space and its starting points are checked before anything is fitted, so a recipe error comes at once.
        var space = PipelineSearchSpace.For(corpus, recipe.AutoML.SearchSpace, recipe.SourcePath, hasTopicModel: recipe.Lda.Enabled);
        var tuner = Tuner(recipe.AutoML, space, recipe.Seed, recipe.SourcePath);
        // Only a search that may pick an encoder can find a teacher; then the student's search is checked now too.
        var canDistil = recipe.Distillation.Enabled && corpus.Pool.Count > 0 && PipelineSearchSpace.Encoders(space).Count > 0;
        if (canDistil) _ = Tuner(StudentAutoML(recipe), StudentSpace(recipe, corpus), recipe.Seed, recipe.SourcePath, "$.distillation");
        // The topic model comes before the search, which may use its mixtures as features. Ctrl+C during its fit ends the run.
        var topics = LdaStep.Fit(recipe, data, log, cancellation);
        var embeddings = EmbeddingStep.Embed(corpus, PipelineSearchSpace.Encoders(space), EmbeddingCache.DefaultRoot, log, cancellation);
        var workspace = new PipelineWorkspace(corpus, new RuleFeatures(data.Taxonomy, labeling), recipe.Seed, topics?.Model, embeddings);
        var validation = new PipelineValidation(workspace, recipe.AutoML.Folds, recipe.Seed, recipe.AutoML.Objective, recipe.AutoML.ForwardFolds);
        var budget = new ExperimentBudget(recipe.AutoML.TimeBudgetSeconds is { } s ? TimeSpan.FromSeconds(s) : null, recipe.AutoML.MaxTrials);

        log?.Invoke($"searching {space.Free.Count} hyperparameters with the {tuner.Name} tuner on {corpus.Labeled.Count} labeled papers"
            + (corpus.Pool.Count > 0 ? $" and {corpus.Pool.Count} unlabeled pool papers" : "") + $" ({Describe(budget)})");
        log?.Invoke($"validation: {validation.Rule}");
        // Only a winner with sentence vectors is distilled, so only a search that may pick one keeps its folds' pool predictions.
        var (search, winnerOutcome) = Search(recipe, space, tuner, validation, budget, onTrial, cancellation, teacher: null, predictPool: canDistil);
        var winner = PipelineSearchSpace.ToPipeline(search.Best!.Configuration);
        log?.Invoke($"search stopped: {search.StopReason}; refitting the best pipeline (trial {search.Best.Number}) on all {corpus.Labeled.Count} labeled papers");
        if (search.Selection is { } picked) log?.Invoke($"selection: {picked}");
        var all = Enumerable.Range(0, corpus.Labeled.Count).ToArray();
        var winnerFit = workspace.Fit(winner, all, "all");

        // Distillation: a winner that reads sentence vectors is the teacher; a lexical student learns its probabilities
        // on every pool paper (per fold, from that fold's teacher) and is what the bundle scores with by default.
        Distilled? distilled = null;
        if (recipe.Distillation.Enabled && corpus.Pool.Count == 0)
            log?.Invoke("distillation: skipped, the recipe names no unlabeled papers to distil on");
        else if (recipe.Distillation.Enabled && !canDistil)
            log?.Invoke("distillation: skipped, the search has no sentence encoder to choose (list one in $.automl.searchSpace.encoder)");
        else if (canDistil && winner.Encoder is null)
            log?.Invoke("distillation: skipped, the chosen pipeline reads no sentence vectors (it is the fast model already)");
        else if (canDistil)
        {
            distilled = Distil(recipe, corpus, workspace, validation, winnerFit, winnerOutcome, log, onTrial, cancellation);
        }
        // What the bundle scores with by default: the student when there is one, else the search's winner.
        var best = distilled?.Pipeline ?? winner;
        var classifier = distilled?.Student ?? winnerFit.Classifier;
        var outcome = distilled?.Outcome ?? winnerOutcome;
        var dev = outcome.Dev;
        var weak = WeakLabels(data);
        var rulesDev = RulesDev(data, corpus, weak);
        var (_, hyperparameters) = TrainerCatalog.Create(best.Trainer, best.TrainerOptions, recipe.Seed);

        var manifest = new JsonObject
        {
            ["name"] = recipe.Output.ModelName,
            ["toolVersion"] = typeof(TrainingRun).Assembly.GetName().Version?.ToString(3),
            ["recipe"] = JsonNode.Parse(recipe.SourceJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }),
            ["seed"] = recipe.Seed,
            ["featurizer"] = JsonSerializer.SerializeToNode(best.Featurizer, Json.Options),
            ["featureCount"] = classifier.Model.FeatureCount,
            ["trainer"] = new JsonObject { ["name"] = best.Trainer, ["hyperparameters"] = hyperparameters },
            ["pipeline"] = PipelineJson(best),
            ["data"] = new JsonObject
            {
                ["fingerprint"] = Fingerprint(corpus),
                ["trainingPapers"] = corpus.Labeled.Count,
                ["reviewedLabels"] = corpus.Labeled.Count(p => p.Reviewed),
                ["poolPapers"] = corpus.Pool.Count,
                ["files"] = new JsonArray(recipe.Data.Train.Concat(recipe.Data.Unlabeled).Select(f => (JsonNode)JsonValue.Create(Path.GetFileName(f))!).ToArray()),
            },
            ["metrics"] = new JsonObject
            {
                ["validation"] = validation.Rule,
                ["objective"] = validation.Objective,
                ["crossValidationScore"] = outcome.CrossValidationScore,
                ["dev"] = MetricsJson(dev),
                ["forward"] = outcome.Forward is null ? null : MetricsJson(outcome.Forward),
                ["rulesDev"] = rulesDev is null ? null : MetricsJson(rulesDev),
                ["devPerTopic"] = PerTopicJson(dev, rulesDev),
            },
            ["automl"] = Leaderboard.Summary(search, space, recipe.AutoML),
        };
        if (topics is not null) manifest["lda"] = topics.Value.Summary;
        if (TuneThresholds(data, corpus, validation, outcome) is { } tuned) manifest[TopicThresholdsJson.Key] = tuned;
        if (classifier.Encoder is { } encoder) manifest["encoder"] = EncoderJson(encoder);
        if (distilled is not null)
        {
            var teacher = winnerFit.Classifier;
            var (_, teacherHyperparameters) = TrainerCatalog.Create(winner.Trainer, winner.TrainerOptions, recipe.Seed);
            var teacherJson = new JsonObject
            {
                ["featurizer"] = JsonSerializer.SerializeToNode(winner.Featurizer, Json.Options),
                ["featureCount"] = teacher.Model.FeatureCount,
                ["trainer"] = new JsonObject { ["name"] = winner.Trainer, ["hyperparameters"] = teacherHyperparameters },
                ["pipeline"] = PipelineJson(winner),
                ["encoder"] = EncoderJson(teacher.Encoder!),
                ["metrics"] = new JsonObject
                {
                    ["crossValidationScore"] = winnerOutcome.CrossValidationScore,
                    ["dev"] = MetricsJson(winnerOutcome.Dev),
                    ["forward"] = winnerOutcome.Forward is null ? null : MetricsJson(winnerOutcome.Forward),
                },
            };
            if (TuneThresholds(data, corpus, validation, winnerOutcome) is { } teacherThresholds) teacherJson[TopicThresholdsJson.Key] = teacherThresholds;
            manifest[ModelBundle.TeacherKey] = teacherJson;
            manifest["distillation"] = new JsonObject
            {
                ["rule"] = distilled.Rule,
                ["poolPapers"] = corpus.Pool.Count,
                ["minProbability"] = recipe.Distillation.MinProbability,
                ["student"] = Leaderboard.Summary(distilled.Search, distilled.Space, distilled.AutoML),
            };
        }
        var bundle = new ModelBundle(manifest, data.Taxonomy, File.ReadAllBytes(recipe.TaxonomyPath), classifier, topics?.Model)
        {
            TeacherClassifier = distilled is null ? null : winnerFit.Classifier,
        };
        var path = Path.Combine(recipe.Output.ModelsDirectory, recipe.Output.ModelName + ".zip");
        ModelBundleFile.Save(path, bundle);
        var basePath = Path.Combine(recipe.Output.ModelsDirectory, recipe.Output.ModelName);
        var leaderboard = Leaderboard.Write(search, basePath);
        if (distilled is not null) leaderboard = [.. leaderboard, .. Leaderboard.Write(distilled.Search, basePath + ".student")];
        var devPredictions = basePath + ".dev-predictions.jsonl";
        DevPredictions.Write(devPredictions, validation, outcome, weak);
        return new TrainingResult(path, bundle, data, corpus.Labeled.Count, corpus.Pool.Count, dev, rulesDev, validation.Rule, search, leaderboard, devPredictions, clock.Elapsed)
        {
            CrossValidationScore = outcome.CrossValidationScore,
            Forward = outcome.Forward,
            Teacher = distilled is null ? null : new TeacherSummary(winnerOutcome.Dev, winnerOutcome.CrossValidationScore, winnerOutcome.Forward, distilled.Search, distilled.Rule),
        };
    }

    /// <summary>The student a distillation found: its pipeline, the classifier refitted on everything, and its validation.</summary>
    private sealed record Distilled(PipelineOptions Pipeline, TextClassifier Student, ValidationOutcome Outcome, ExperimentResult Search,
        SearchSpace Space, AutoMLSection AutoML, string Rule);

    /// <summary>The student search's space: the recipe's <c>distillation.searchSpace</c> over the declared one, never an encoder.</summary>
    private static SearchSpace StudentSpace(Recipe recipe, TrainingCorpus corpus)
    {
        var overrides = recipe.Distillation.SearchSpace;
        if (overrides?.ContainsKey(PipelineSearchSpace.Encoder) == true || overrides?.ContainsKey("embeddingWeight") == true)
            throw new TopicModelException("$.distillation.searchSpace: the student reads no sentence vectors (that is what makes it fast); leave out encoder and embeddingWeight", recipe.SourcePath);
        return PipelineSearchSpace.For(corpus, overrides, recipe.SourcePath, hasTopicModel: recipe.Lda.Enabled, at: "$.distillation.searchSpace");
    }

    private static AutoMLSection StudentAutoML(Recipe recipe) => recipe.AutoML with
    {
        TimeBudgetSeconds = null,
        MaxTrials = recipe.Distillation.MaxTrials,
        SearchSpace = recipe.Distillation.SearchSpace,
        InitialConfigurations = recipe.Distillation.InitialConfigurations,
    };

    private static Distilled Distil(Recipe recipe, TrainingCorpus corpus, PipelineWorkspace workspace, PipelineValidation validation,
        FittedPipeline teacher, ValidationOutcome teacherOutcome, Action<string>? log, Action<Trial, ExperimentResult>? onTrial, CancellationToken cancellation)
    {
        var space = StudentSpace(recipe, corpus);
        var automl = StudentAutoML(recipe);
        var tuner = Tuner(automl, space, recipe.Seed, recipe.SourcePath, "$.distillation");
        var min = (float)recipe.Distillation.MinProbability;
        var hard = recipe.Distillation.Targets == DistillationSection.HardTargets;
        var rule = $"a lexical student (no sentence vectors) learns the teacher's {(hard ? "most probable topic" : "probabilities")} on the {corpus.Pool.Count} unlabeled pool papers "
            + (hard ? $"(those whose top topic has probability {min:0.###} or more, weighted by poolWeight)" : $"(topics at or above {min:0.###}, weighted by poolWeight)") + " plus the labeled papers; validated on the same folds, each fold's pool "
            + "labeled by the teacher fitted on that fold";
        log?.Invoke($"distillation: {rule}; searching {space.Free.Count} hyperparameters for the student ({recipe.Distillation.MaxTrials} trials)");
        var (search, outcome) = Search(recipe, space, tuner, validation, new ExperimentBudget(null, recipe.Distillation.MaxTrials), onTrial, cancellation,
            teacherOutcome.PoolPredictions, predictPool: false, min, hard);
        var best = PipelineSearchSpace.ToPipeline(search.Best!.Configuration);
        var pool = new float[corpus.Pool.Count][];
        for (var i = 0; i < pool.Length; i++)
        {
            pool[i] = new float[corpus.Taxonomy.Ids.Count];
            teacher.Predict(corpus.PoolStart + i, pool[i]);
        }
        var taught = hard ? pool.Count(p => p.Max() >= min) : pool.Length;
        log?.Invoke($"distillation: student search stopped: {search.StopReason}; refitting the best student (trial {search.Best.Number}) on all labeled papers and the teacher-labeled pool ({taught} of {pool.Length} papers)");
        if (search.Selection is { } picked) log?.Invoke($"distillation: selection: {picked}");
        var student = workspace.Fit(best, Enumerable.Range(0, corpus.Labeled.Count).ToArray(), "all", cancellation, poolTargets: new PoolTargets(pool, min, hard)).Classifier;
        return new Distilled(best, student, outcome, search, space, automl, rule);
    }

    /// <summary>
    /// One AutoML search over <paramref name="space"/>, each trial validated by <paramref name="validation"/>; returns the search, its best
    /// trial as the recipe's <c>automl.selection</c> picks it, and that trial's validation. Only one validation per number of rule parts is
    /// kept (out-of-fold rows for every labeled paper, and a search may run hundreds of trials): either rule picks the top score of its
    /// number of rule parts.
    /// </summary>
    private static (ExperimentResult Search, ValidationOutcome Best) Search(Recipe recipe, SearchSpace space, ITuner tuner, PipelineValidation validation,
        ExperimentBudget budget, Action<Trial, ExperimentResult>? onTrial, CancellationToken cancellation, FoldPoolPredictions? teacher, bool predictPool,
        float minProbability = 0, bool hardTargets = false)
    {
        var kept = new Dictionary<int, (string Key, ValidationOutcome Outcome)>();
        var search = AutoMLExperiment.Run(tuner, (c, token) =>
        {
            var pipeline = PipelineSearchSpace.ToPipeline(c);
            var outcome = validation.Run(pipeline, token, teacher, predictPool, minProbability, hardTargets);
            var dev = outcome.Dev;
            // Strictly higher: ties keep the earlier trial, as the leaderboard's order does.
            if (!kept.TryGetValue(pipeline.RuleParts, out var held) || outcome.Score > held.Outcome.Score) kept[pipeline.RuleParts] = (c.Key, outcome);
            var metrics = new Dictionary<string, double>
            {
                ["macroF1"] = dev.MacroF1,
                ["microAccuracy"] = dev.MicroAccuracy,
                ["macroAccuracy"] = dev.MacroAccuracy,
                ["logLoss"] = dev.LogLoss,
            };
            foreach (var (digest, f1) in outcome.MacroF1ByDigest) metrics[$"macroF1:{digest}"] = f1;
            metrics["crossValidation"] = outcome.CrossValidationScore;
            if (outcome.Forward is { } forward)
            {
                metrics["forwardMacroF1"] = forward.MacroF1;
                metrics["forwardMicroAccuracy"] = forward.MicroAccuracy;
                for (var k = 0; k < outcome.ForwardFolds.Count; k++)
                {
                    metrics[$"forwardMacroF1:{k + 1}"] = outcome.ForwardFolds[k].MacroF1;
                    metrics[$"forwardMicroAccuracy:{k + 1}"] = outcome.ForwardFolds[k].MicroAccuracy;
                }
            }
            if (outcome.StandardError is { } se) metrics["scoreStandardError"] = se;
            return new TrialOutcome(outcome.Score, outcome.FoldScores, metrics) { StandardError = outcome.StandardError };
        }, budget, onTrial, cancellation, c => PipelineSearchSpace.Canonical(c, space));
        if (search.Best is null)
        {
            if (search.StopReason == "interrupted") throw new OperationCanceledException("interrupted before any trial finished");
            throw new TopicModelException($"no pipeline could be trained: {search.Trials.FirstOrDefault()?.Error ?? search.StopReason}", recipe.SourcePath);
        }
        if (recipe.AutoML.Selection == TrialSelection.OneStandardError)
        {
            var choice = OneStandardErrorRule.Choose(search.Trials, c => PipelineSearchSpace.ToPipeline(c).RuleParts)!;
            search = search with { Best = choice.Trial, Selection = $"one standard error: {choice.Reason}" };
        }
        var parts = PipelineSearchSpace.ToPipeline(search.Best!.Configuration).RuleParts;
        if (kept[parts].Key != search.Best.Configuration.Key)
            throw new InvalidOperationException($"the search's best trial {search.Best.Number} is not the one whose validation was kept");
        return (search, kept[parts].Outcome);
    }

    /// <summary>
    /// Labeled papers: the training files' papers (reviewed label where there is one, else the weak
    /// label) and unlabeled-file papers a person reviewed. Pool: the other unlabeled-file papers, with
    /// their weak labels. Each paper once; papers that also occur in the held-out data are left out, so
    /// evaluation never scores a training paper.
    /// </summary>
    public static TrainingCorpus Corpus(PreparedData data)
    {
        var heldOut = data.InSplit(Split.HeldOut).Select(p => p.Paper.Id).ToHashSet(StringComparer.Ordinal);
        var papers = data.Papers
            .Where(p => p.Split != Split.HeldOut && !heldOut.Contains(p.Paper.Id))
            .DistinctBy(p => p.Paper.Id)
            .ToArray();
        LabeledPaper Labeled(PreparedPaper p) =>
            new(p.Paper, data.Taxonomy.IndexOf(p.Label.Topic), p.Label.Source == LabelSource.Reviewed);
        var labeled = papers.Where(p => p.Split == Split.Train || p.Label.Source == LabelSource.Reviewed).Select(Labeled).ToArray();
        var pool = papers.Where(p => p.Split == Split.Unlabeled && p.Label.Source != LabelSource.Reviewed).Select(Labeled).ToArray();
        return new TrainingCorpus(data.Taxonomy, labeled, pool);
    }

    /// <summary>
    /// Per-topic thresholds for several topics per paper, tuned on the chosen pipeline's out-of-fold probabilities of the
    /// reviewed papers against their primary + secondary topics (never on held-out or forward papers); null when no
    /// reviewed paper has a secondary topic to learn from.
    /// </summary>
    private static JsonObject? TuneThresholds(PreparedData data, TrainingCorpus corpus, PipelineValidation validation, ValidationOutcome outcome)
    {
        var reviewed = data.Papers.Where(p => p.Reviewed is not null).GroupBy(p => p.Paper.Id).ToDictionary(g => g.Key, g => g.First().Reviewed!, StringComparer.Ordinal);
        var scored = Enumerable.Range(0, corpus.Labeled.Count)
            .Where(i => corpus.Labeled[i].Reviewed && outcome.OutOfFold[i] is not null && reviewed.ContainsKey(corpus.Labeled[i].Paper.Id))
            .ToArray();
        if (!scored.Any(i => reviewed[corpus.Labeled[i].Paper.Id].Secondary.Count > 0)) return null;
        var truth = scored.Select(i =>
        {
            var label = reviewed[corpus.Labeled[i].Paper.Id];
            return (IReadOnlyCollection<int>)label.Secondary.Select(data.Taxonomy.IndexOf).Where(t => t >= 0).Prepend(corpus.Labeled[i].Topic).ToHashSet();
        }).ToArray();
        var probabilities = scored.Select(i => outcome.OutOfFold[i]).ToArray();
        var rule = TopicThresholds.Tune(probabilities, truth, data.Taxonomy.Ids.Count);
        var dev = ExampleBasedMetrics.Compute(probabilities.Select(p => rule.Select(p)).ToArray(), truth);
        return TopicThresholdsJson.Write(rule, data.Taxonomy, $"out-of-fold predictions of {scored.Length} reviewed training papers ({validation.Folds}-fold cross-validation)", dev);
    }

    private static Dictionary<string, WeakLabel> WeakLabels(PreparedData data) =>
        data.Papers.Where(p => p.Weak is not null).GroupBy(p => p.Paper.Id).ToDictionary(g => g.Key, g => g.First().Weak!, StringComparer.Ordinal);

    /// <summary>The weak labels against the reviewed labels of the same training papers, or null when none are reviewed.</summary>
    private static MulticlassClassificationMetrics? RulesDev(PreparedData data, TrainingCorpus corpus, Dictionary<string, WeakLabel> weak)
    {
        var scored = corpus.Labeled.Where(p => p.Reviewed && weak.ContainsKey(p.Paper.Id)).ToArray();
        if (scored.Length == 0) return null;
        return MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(
            scored.Select(p => p.Topic).ToArray(), scored.Select(p => weak[p.Paper.Id].RankedProbabilities(data.Taxonomy.IndexOf(weak[p.Paper.Id].Topic))).ToArray(), data.Taxonomy.Ids));
    }

    private static ITuner Tuner(AutoMLSection automl, SearchSpace space, int seed, string file, string at = "$.automl")
    {
        var initial = (automl.InitialConfigurations ?? [])
            .Select((o, i) => PipelineSearchSpace.FromJson(o!.AsObject(), space, $"{at}.initialConfigurations[{i}]", file))
            .ToArray();
        if (initial.Length > 0 && automl.Tuner != "costFrugal")
            throw new TopicModelException($"{at}.initialConfigurations: only the costFrugal tuner starts from given configurations, not '{automl.Tuner}'", file);
        return automl.Tuner switch
        {
            "random" => new RandomSearchTuner(space, seed),
            "grid" => new GridSearchTuner(space, automl.GridSteps, c => PipelineSearchSpace.Canonical(c, space)),
            _ => new CostFrugalTuner(space, seed, initial),
        };
    }

    private static string Describe(ExperimentBudget budget) => (budget.Time, budget.MaxTrials) switch
    {
        ({ } t, { } n) => $"budget {t.TotalSeconds:0.#} s or {n} trials",
        ({ } t, null) => $"budget {t.TotalSeconds:0.#} s",
        (null, { } n) => $"budget {n} trials",
        _ => "no budget",
    };

    public static JsonObject PipelineJson(PipelineOptions p) => new()
    {
        ["trainer"] = p.Trainer,
        ["ruleWeight"] = p.RuleWeight,
        ["labelModelBlend"] = p.LabelModelBlend,
        ["taxonomyPriorWeight"] = p.TaxonomyPriorWeight,
        ["topicFeatureWeight"] = p.TopicFeatureWeight,
        ["classBalance"] = p.ClassBalance,
        ["weakLabelWeight"] = p.WeakLabelWeight,
        ["poolWeight"] = p.PoolWeight,
        ["selfTrainingThreshold"] = p.SelfTrainingThreshold,
        ["selfTrainingWeight"] = p.SelfTrainingWeight,
        ["encoder"] = p.Encoder ?? SentenceEncoderCatalog.None,
        ["embeddingWeight"] = p.EmbeddingWeight,
    };

    /// <summary>Which encoder a bundle needs, with the hash of its weights (scoring refuses another).</summary>
    public static JsonObject EncoderJson(SentenceEncoder e) => new()
    {
        ["name"] = e.Name,
        ["package"] = e.Spec.Package,
        ["packageVersion"] = e.Spec.PackageVersion,
        ["model"] = e.Spec.Model,
        ["pooling"] = e.Spec.Pooling.ToString(),
        ["maxTokens"] = e.Spec.MaxTokens,
        ["dimension"] = e.Dimension,
        ["modelHash"] = e.ModelHash,
    };

    public static JsonObject MetricsJson(MulticlassClassificationMetrics m) => new()
    {
        ["microAccuracy"] = m.MicroAccuracy,
        ["macroAccuracy"] = m.MacroAccuracy,
        ["macroF1"] = m.MacroF1,
        ["weightedF1"] = m.WeightedF1,
        ["logLoss"] = m.LogLoss,
        ["logLossReduction"] = m.LogLossReduction,
        ["top2Accuracy"] = m.Top2Accuracy,
        ["top3Accuracy"] = m.Top3Accuracy,
    };

    /// <summary>Per-topic dev F1 of the model beside the rules' on the same papers (null where a topic has no support).</summary>
    private static JsonArray PerTopicJson(MulticlassClassificationMetrics dev, MulticlassClassificationMetrics? rules) =>
        new(dev.PerClass.Select(c => (JsonNode)new JsonObject
        {
            ["topic"] = c.ClassName,
            ["support"] = c.Support,
            ["modelF1"] = c.F1,
            ["rulesF1"] = rules?.PerClass[c.ClassIndex].F1,
        }).ToArray());

    private static string Fingerprint(TrainingCorpus corpus)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var topics = corpus.Taxonomy.Ids;
        foreach (var e in corpus.Labeled.Concat(corpus.Pool))
            sha.AppendData(Encoding.UTF8.GetBytes($"{e.Paper.Id}\t{e.Paper.Title}\t{e.Paper.Abstract}\t{topics[e.Topic]}\t{e.Reviewed}\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
