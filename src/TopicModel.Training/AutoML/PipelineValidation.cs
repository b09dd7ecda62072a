using TopicModel.DataPrep.Papers;
using TopicModel.ML;
using TopicModel.ML.Metrics;
using TopicModel.Training.Pipelines;

namespace TopicModel.Training.AutoML;

/// <summary>
/// Scores a pipeline by k-fold cross-validation over the labeled papers: grouped by digest day when there
/// are at least k of them (each day's papers stay in one fold, so the estimate is about days the model
/// has never seen, as in use; a corpus of many dated papers splits into its days), stratified by topic
/// otherwise. Pool and taxonomy papers only ever train. The score is
/// macro-F1 of the out-of-fold predictions against the reviewed labels when there are any (agreement
/// with weak labels only measures imitation of the rules), else against the weak labels.
/// <see cref="Rule"/> says all this in words for the output.
/// </summary>
public sealed class PipelineValidation
{
    private readonly int[] _fold;
    private readonly int[] _scored;
    private readonly Dictionary<string, int[]> _digestGroups;

    public PipelineValidation(PipelineWorkspace workspace, int folds, int seed)
        : this(workspace, folds, seed, ValidationObjective.CrossValidation, 0)
    {
    }

    /// <param name="objective">What the search maximises: the cross-validation score, the forward score, or their mean.</param>
    /// <param name="forwardFolds">Forward-chaining folds over the dated reviewed papers (0: none).</param>
    public PipelineValidation(PipelineWorkspace workspace, int folds, int seed, string objective, int forwardFolds)
    {
        var labeled = workspace.Corpus.Labeled;
        if (labeled.Count < folds)
            throw new TopicModelException($"only {labeled.Count} labeled training papers; need at least {folds} for {folds}-fold cross-validation");
        Workspace = workspace;
        Folds = folds;
        _seed = seed;
        var digests = labeled.Select(p => p.Paper.Digest).Distinct().Count();
        var days = labeled.Select(p => DayOf(p.Paper)).Distinct().Count();
        string how;
        if (days >= folds)
        {
            _fold = GroupedFolds(labeled, folds);
            how = $"{folds}-fold cross-validation grouped by digest day ({days} days of {digests} digest(s); a day's papers stay in one fold)";
        }
        else
        {
            _fold = StratifiedFolds(labeled, folds, seed);
            how = $"{folds}-fold cross-validation stratified by topic over {labeled.Count} labeled papers of {digests} digest(s)";
        }
        var reviewed = Enumerable.Range(0, labeled.Count).Where(i => labeled[i].Reviewed).ToArray();
        _scored = reviewed.Length > 0 ? reviewed : Enumerable.Range(0, labeled.Count).ToArray();
        _digestGroups = _scored.GroupBy(i => labeled[i].Paper.Digest)
            .Where(g => g.Count() >= MinimumDigestSize)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var metric = _digestGroups.Count >= 2
            ? $"the mean over {_digestGroups.Count} digests ({string.Join(", ", _digestGroups.Select(g => $"{g.Key}: {g.Value.Length}"))}) of each digest's macro-F1, so every period counts the same however many papers it has,"
            : "macro-F1";
        var against = reviewed.Length > 0
            ? $"{metric} against the reviewed labels of {reviewed.Length} papers"
            : $"{metric} against weak labels (no reviewed labels in the training data: this measures imitation of the rules)";
        var extra = workspace.Corpus.Pool.Count > 0 ? $"; the {workspace.Corpus.Pool.Count} unlabeled pool papers only ever train" : "";
        // Said because it is the one thing a fold's held-out papers contribute to (their text, never their labels).
        if (workspace.Lda is not null) extra += "; topic features come from one LDA fitted without labels on all training and pool texts, held-out folds' included";
        Forward = forwardFolds > 0 ? ForwardFolds.Create(labeled, _scored, forwardFolds) : null;
        _forwardScored = Forward is null ? [] : _scored.Where(i => Forward.BlockOf[i] > 0).ToArray();
        Objective = Forward is null ? ValidationObjective.CrossValidation : objective;
        var forward = Forward is null
            ? forwardFolds > 0 ? "; no forward score (the reviewed papers span too few dated days)" : ""
            : $"; forward score: macro-F1 of {Forward.Count} forward-chaining folds over {_forwardScored.Length} dated reviewed papers"
              + $" (each trains only on papers dated before its first day, {string.Join(", ", Forward.Cutoffs.Select(c => c.ToString("yyyy-MM-dd")))}, pool included)";
        var goal = Objective switch
        {
            ValidationObjective.Forward => "; the search maximises the forward score",
            ValidationObjective.Mean => "; the search maximises the mean of the cross-validation and forward scores",
            ValidationObjective.LatestForward => "; the search maximises the latest forward fold's macro-F1 (trained on every day before "
                + Forward!.Cutoffs[^1].ToString("yyyy-MM-dd") + ")",
            _ => "",
        };
        // The standard error the one-standard-error rule reads (see Run).
        var bootstrap = $"a bootstrap of the scored days, {BootstrapResamples} resamples";
        goal += Objective switch
        {
            ValidationObjective.Forward or ValidationObjective.LatestForward => $" (its standard error: {bootstrap})",
            ValidationObjective.Mean => $" (its standard error: the cross-validation folds' and the forward score's, {bootstrap}, combined)",
            _ => "",
        };
        Rule = $"{how}, {against}{extra}{forward}{goal}";
    }

    private readonly int[] _forwardScored;
    private readonly int _seed;

    /// <summary>Resamples of the bootstrap that gives a forward objective its standard error.</summary>
    public const int BootstrapResamples = 200;

    /// <summary>The forward-chaining folds, or null when there are none.</summary>
    public ForwardFolds? Forward { get; }

    /// <summary>What the search maximises (<see cref="ValidationObjective"/>); cross-validation when there is no forward score.</summary>
    public string Objective { get; }

    public PipelineWorkspace Workspace { get; }
    public int Folds { get; }

    /// <summary>The fold whose model scores labeled paper <paramref name="paper"/> (it trains on the others).</summary>
    public int FoldOf(int paper) => _fold[paper];
    public string Rule { get; }

    /// <summary>
    /// Digests with at least this many scored papers are scored on their own for the objective; smaller
    /// ones only count in the pooled metrics (a macro-F1 over a handful of papers is noise).
    /// </summary>
    public const int MinimumDigestSize = 20;

    /// <summary>
    /// Out-of-fold probabilities for every labeled paper, the dev metrics over the scored papers, the
    /// objective (see <see cref="Rule"/>), macro-F1 per digest and per fold.
    /// </summary>
    public ValidationOutcome Run(PipelineOptions options, CancellationToken cancellation) => Run(options, cancellation, null, false);

    /// <param name="teacher">
    /// Distillation: each fold's pool papers learn the probabilities of the teacher fitted on that same fold (so no
    /// fold's scored papers reach its student through the teacher), at least <paramref name="minProbability"/> each.
    /// </param>
    /// <param name="predictPool">Also keep every fold model's probabilities for the pool papers (a teacher's, for its students).</param>
    public ValidationOutcome Run(PipelineOptions options, CancellationToken cancellation, FoldPoolPredictions? teacher, bool predictPool,
        float minProbability = 0, bool hardTargets = false)
    {
        var labeled = Workspace.Corpus.Labeled;
        var topics = Workspace.Corpus.Taxonomy.Ids;
        var oof = new float[labeled.Count][];
        var forwardOut = new float[labeled.Count][];
        var forwardFolds = Forward?.Count ?? 0;
        var poolCount = Workspace.Corpus.Pool.Count;
        var cvPool = predictPool ? new float[Folds][][] : null;
        var forwardPool = predictPool ? new float[forwardFolds][][] : null;
        PoolTargets? Targets(float[][]? fold) => fold is null ? null : new PoolTargets(fold, minProbability, hardTargets);
        float[][] PredictPool(FittedPipeline fitted)
        {
            var rows = new float[poolCount][];
            for (var i = 0; i < poolCount; i++)
            {
                rows[i] = new float[topics.Count];
                fitted.Predict(Workspace.Corpus.PoolStart + i, rows[i]);
            }
            return rows;
        }
        // Folds are independent, so they fit in parallel; each writes only its own papers' rows.
        try
        {
            Parallel.For(0, Folds + forwardFolds, new ParallelOptions { CancellationToken = cancellation }, k =>
            {
                if (k < Folds) FitFold(k);
                else FitForwardFold(k - Folds + 1);
            });
        }
        catch (AggregateException e)
        {
            // Surface the first real cause (a bad option, a cancellation) rather than the wrapper.
            var cause = e.Flatten().InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.Flatten().InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
        }

        void FitFold(int k)
        {
            var train = Enumerable.Range(0, labeled.Count).Where(i => _fold[i] != k).ToArray();
            var fitted = Workspace.Fit(options, train, $"fold {k}/{Folds}", cancellation, poolTargets: Targets(teacher?.CrossValidation[k]));
            if (cvPool is not null) cvPool[k] = PredictPool(fitted);
            for (var i = 0; i < labeled.Count; i++)
            {
                if (_fold[i] != k) continue;
                oof[i] = new float[topics.Count];
                fitted.Predict(i, oof[i]);
            }
        }
        void FitForwardFold(int k)
        {
            var forward = Forward!;
            var fitted = Workspace.Fit(options, forward.TrainingPapers(labeled, k), $"forward {k}/{forward.Count}", cancellation, forward.Cutoff(k),
                Targets(teacher?.Forward[k - 1]));
            if (forwardPool is not null) forwardPool[k - 1] = PredictPool(fitted);
            foreach (var i in _forwardScored)
            {
                if (forward.BlockOf[i] != k) continue;
                forwardOut[i] = new float[topics.Count];
                fitted.Predict(i, forwardOut[i]);
            }
        }
        var dev = Evaluate(_scored, oof);
        var forwardMetrics = Forward is null ? null : Evaluate(_forwardScored, forwardOut);
        var forwardFoldMetrics = Enumerable.Range(1, forwardFolds)
            .Select(k => _forwardScored.Where(i => Forward!.BlockOf[i] == k).ToArray())
            .Where(s => s.Length > 0)
            .Select(s => Evaluate(s, forwardOut))
            .ToArray();
        var foldScores = Enumerable.Range(0, Folds)
            .Select(k => _scored.Where(i => _fold[i] == k).ToArray())
            .Where(s => s.Length > 0)
            .Select(s => Evaluate(s, oof).MacroF1)
            .ToArray();
        var byDigest = _digestGroups.ToDictionary(g => g.Key, g => Evaluate(g.Value, oof).MacroF1, StringComparer.Ordinal);
        var cv = byDigest.Count >= 2 ? byDigest.Values.Average() : dev.MacroF1;
        var score = (Objective, forwardMetrics) switch
        {
            (ValidationObjective.Forward, { } f) => f.MacroF1,
            (ValidationObjective.Mean, { } f) => (cv + f.MacroF1) / 2,
            (ValidationObjective.LatestForward, not null) when forwardFoldMetrics.Length > 0 => forwardFoldMetrics[^1].MacroF1,
            _ => cv,
        };
        // The cross-validation score's standard error is its folds' (the rule's own); a forward score is one pooled
        // metric over periods that differ, whose three fold values would mostly measure the periods, so its standard
        // error comes from resampling the scored days.
        double? standardError = (Objective, forwardMetrics) switch
        {
            (ValidationObjective.Forward, not null) => DayBootstrapStandardError(_forwardScored, forwardOut),
            (ValidationObjective.Mean, not null) =>
                Math.Sqrt(Square(ML.AutoML.OneStandardErrorRule.StandardError(foldScores)) + Square(DayBootstrapStandardError(_forwardScored, forwardOut))) / 2,
            (ValidationObjective.LatestForward, not null) when forwardFoldMetrics.Length > 0 =>
                DayBootstrapStandardError(_forwardScored.Where(i => Forward!.BlockOf[i] == Forward.Count).ToArray(), forwardOut),
            _ => null,
        };
        return new ValidationOutcome(oof, dev, score, byDigest, foldScores)
        {
            StandardError = standardError,
            CrossValidationScore = cv,
            Forward = forwardMetrics,
            ForwardFolds = forwardFoldMetrics,
            PoolPredictions = cvPool is null ? null : new FoldPoolPredictions(cvPool, forwardPool!),
        };
    }

    /// <summary>
    /// The standard error of macro-F1 over <paramref name="papers"/>: the sample standard deviation of the metric over
    /// <see cref="BootstrapResamples"/> resamples of their days (a day's papers share its trends, so they are drawn
    /// together). The generator is seeded by the recipe's seed, so every trial is judged on the same resamples.
    /// </summary>
    private double DayBootstrapStandardError(int[] papers, float[][] predictions)
    {
        var labeled = Workspace.Corpus.Labeled;
        var days = papers.GroupBy(i => DayOf(labeled[i].Paper)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray();
        if (days.Length < 2) return 0;
        var random = new Random(_seed);
        var scores = new double[BootstrapResamples];
        var sample = new List<int>(papers.Length * 2);
        for (var b = 0; b < scores.Length; b++)
        {
            sample.Clear();
            for (var d = 0; d < days.Length; d++) sample.AddRange(days[random.Next(days.Length)]);
            scores[b] = Evaluate(sample.ToArray(), predictions).MacroF1;
        }
        return MathNet.Numerics.Statistics.Statistics.StandardDeviation(scores);
    }

    private static double Square(double x) => x * x;

    private MulticlassClassificationMetrics Evaluate(int[] papers, float[][] oof)
    {
        var labeled = Workspace.Corpus.Labeled;
        return MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(
            papers.Select(i => labeled[i].Topic).ToArray(), papers.Select(i => oof[i]).ToArray(), Workspace.Corpus.Taxonomy.Ids));
    }

    /// <summary>Deals each topic's papers round-robin over the folds after a seeded shuffle.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<LabeledPaper> papers, int folds, int seed)
    {
        var rng = new Random(seed);
        var order = Enumerable.Range(0, papers.Count).OrderBy(_ => rng.Next()).ToArray();
        var fold = new int[papers.Count];
        var next = 0;
        foreach (var group in order.GroupBy(i => papers[i].Topic).OrderBy(g => g.Key))
        {
            foreach (var i in group) fold[i] = next++ % folds;
        }
        return fold;
    }

    /// <summary>
    /// The unit that stays in one fold: a digest's papers of one day. A digest file is one day; a corpus
    /// file with a date per paper is many.
    /// </summary>
    public static string DayOf(Paper paper) =>
        paper.Date is { } date ? $"{paper.Digest}@{date:yyyy-MM-dd}" : paper.Digest;

    /// <summary>Whole digest days per fold, largest first onto the currently smallest fold.</summary>
    public static int[] GroupedFolds(IReadOnlyList<LabeledPaper> papers, int folds)
    {
        var sizes = new int[folds];
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in papers.GroupBy(p => DayOf(p.Paper)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            foldOf[g.Key] = smallest;
            sizes[smallest] += g.Count();
        }
        return papers.Select(p => foldOf[DayOf(p.Paper)]).ToArray();
    }
}
