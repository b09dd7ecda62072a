namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// Dawid–Skene label model fitted by EM, as Snorkel does without gold labels: each function has a
/// class-conditional distribution over its outputs (including abstaining), classes have priors, and
/// the true class is the latent variable. Functions that agree with the consensus earn high accuracy
/// and more say; noisy ones are discounted. Abstaining is evidence too: a title rule that stays
/// silent makes its topic less likely.
/// EM starts from the majority vote's soft labels (no random init, so fitting is deterministic and
/// the classes cannot swap), then alternates M-step (smoothed counts) and E-step (posteriors).
/// Papers no function covers join the fit only when the matrix has a fallback class, labeled with it,
/// so the model learns what an all-abstain paper looks like.
/// </summary>
public sealed class GenerativeLabelModel(GenerativeLabelModelOptions? options = null) : ILabelModel
{
    public GenerativeLabelModelOptions Options { get; } = options ?? new GenerativeLabelModelOptions();

    public string Name => "Generative";

    public IFittedLabelModel Fit(LabelMatrix matrix)
    {
        Options.Validate();
        var k = matrix.ClassCount;
        var rows = Enumerable.Range(0, matrix.PaperCount)
            .Where(i => matrix.FallbackClass != LabelMatrix.Abstain || matrix.IsCovered(i))
            .ToArray();

        var initial = FittedMajorityVoteLabelModel.Vote(matrix, new MajorityVoteOptions());
        var posteriors = new double[rows.Length * k];
        for (var r = 0; r < rows.Length; r++)
        {
            var p = initial[rows[r]]!.Probabilities;
            for (var c = 0; c < k; c++) posteriors[r * k + c] = p[c];
        }

        var layout = new OutputLayout(k, Options.HitLevels);
        var outputs = OutputsPerFunction(matrix, layout);
        var parameters = MStep(matrix, rows, posteriors, outputs, layout);
        var previous = double.NegativeInfinity;
        var logLikelihood = double.NegativeInfinity;
        var iterations = 0;
        var converged = false;
        while (iterations < Options.MaxIterations)
        {
            iterations++;
            logLikelihood = parameters.EStep(matrix, rows, posteriors);
            parameters = MStep(matrix, rows, posteriors, outputs, layout);
            var perPaper = rows.Length == 0 ? 0 : (logLikelihood - previous) / rows.Length;
            if (Math.Abs(perPaper) <= Options.Tolerance)
            {
                converged = true;
                break;
            }
            previous = logLikelihood;
        }
        return new FittedGenerativeLabelModel(parameters, matrix.FunctionNames.ToArray(), matrix.ClassNames.ToArray(), iterations, converged,
            rows.Length == 0 ? 0 : logLikelihood / rows.Length);
    }

    /// <summary>Which outputs each function produced: smoothing only spreads mass over those, so a
    /// function that only ever votes one topic is not assumed to vote the others now and then.</summary>
    private static bool[][] OutputsPerFunction(LabelMatrix matrix, OutputLayout layout)
    {
        var outputs = new bool[matrix.FunctionCount][];
        for (var j = 0; j < outputs.Length; j++)
        {
            outputs[j] = new bool[layout.Count];
            outputs[j][OutputLayout.Abstain] = true;
        }
        for (var i = 0; i < matrix.PaperCount; i++)
        {
            var votes = matrix.Votes(i);
            var hits = matrix.HitsOf(i);
            for (var j = 0; j < votes.Length; j++) outputs[j][layout.Of(votes[j], hits[j])] = true;
        }
        return outputs;
    }

    private DawidSkeneParameters MStep(LabelMatrix matrix, int[] rows, double[] posteriors, bool[][] outputs, OutputLayout layout)
    {
        var k = matrix.ClassCount;
        var m = matrix.FunctionCount;
        var v = layout.Count;
        var classMass = new double[k];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < k; c++) classMass[c] += posteriors[r * k + c];
        }
        var logPrior = new double[k];
        var priorTotal = rows.Length + k * Options.PriorSmoothing;
        for (var c = 0; c < k; c++) logPrior[c] = Math.Log((classMass[c] + Options.PriorSmoothing) / priorTotal);

        // counts[j][c * v + output]: expected number of papers of class c on which function j gave output.
        var counts = new double[m][];
        for (var j = 0; j < m; j++) counts[j] = new double[k * v];
        for (var r = 0; r < rows.Length; r++)
        {
            var votes = matrix.Votes(rows[r]);
            var hits = matrix.HitsOf(rows[r]);
            for (var j = 0; j < m; j++)
            {
                if (votes[j] == LabelMatrix.Abstain) continue;
                var row = counts[j];
                var o = layout.Of(votes[j], hits[j]);
                for (var c = 0; c < k; c++) row[c * v + o] += posteriors[r * k + c];
            }
        }

        var logTheta = new double[m][];
        var pooled = new double[v];
        for (var j = 0; j < m; j++)
        {
            var row = counts[j];
            var possible = outputs[j].Count(o => o);
            var votesFor = new bool[k];
            for (var c = 0; c < k; c++)
            {
                for (var level = 1; level <= layout.HitLevels; level++) votesFor[c] |= outputs[j][layout.Of(c, level)];
            }
            logTheta[j] = new double[k * v];
            Array.Clear(pooled);
            var pooledMass = 0.0;
            for (var c = 0; c < k; c++)
            {
                var voted = 0.0;
                for (var o = 1; o < v; o++) voted += row[c * v + o];
                row[c * v + OutputLayout.Abstain] = Math.Max(0, classMass[c] - voted);
                if (votesFor[c]) continue;
                pooledMass += classMass[c];
                for (var o = 0; o < v; o++) pooled[o] += row[c * v + o];
            }
            for (var c = 0; c < k; c++)
            {
                // Classes the function never votes for share one output distribution (how often it
                // fires by mistake): a keyword rule has two parameters, hit rate on its own topic and
                // false-fire rate elsewhere, instead of one per class, which a few hundred papers cannot pin down.
                var own = votesFor[c];
                var total = (own ? classMass[c] : pooledMass) + possible * Options.Smoothing;
                for (var o = 0; o < v; o++)
                {
                    var count = own ? row[c * v + o] : pooled[o];
                    // Outputs the function never produced keep the bare pseudo-count: they are only read if a new matrix shows them.
                    logTheta[j][c * v + o] = Math.Log((count + Options.Smoothing) / total);
                }
            }
        }
        return new DawidSkeneParameters(layout, logPrior, logTheta);
    }
}
