namespace TopicModel.ML.AutoML;

/// <summary>
/// The one-standard-error rule (Breiman et al. 1984; Hastie, Tibshirani and Friedman, section 7.10): trials whose
/// score is within one standard error of the top score are taken as equally good, and of those the least complex is
/// chosen, the higher score breaking ties. The standard error is the top trial's: the one its evaluation gave
/// (<see cref="Trial.ScoreStandardError"/>, for a score that is not a mean over its folds), else the sample standard
/// deviation of its fold scores over the square root of their number. A search's top score is biased upwards (it is the maximum of
/// noisy estimates), and the difference between two close trials is mostly which folds happened to suit each, so a
/// simpler pipeline that is as good within the noise is the safer one to ship.
/// </summary>
public static class OneStandardErrorRule
{
    /// <summary>What the rule picked, and why in words.</summary>
    public sealed record Choice(Trial Trial, Trial Top, double StandardError, string Reason);

    /// <param name="complexity">How complex a configuration is (lower is simpler); only its order matters.</param>
    /// <returns>Null when no trial succeeded.</returns>
    public static Choice? Choose(IReadOnlyList<Trial> trials, Func<Configuration, int> complexity)
    {
        // The leaderboard's order: ties keep the earlier trial, so the choice is reproducible.
        var ranked = trials.Where(t => !t.Failed).OrderByDescending(t => t.Score).ThenBy(t => t.Number).ToArray();
        if (ranked.Length == 0) return null;
        var top = ranked[0];
        var se = top.ScoreStandardError ?? StandardError(top.FoldScores);
        var floor = top.Score - se;
        var chosen = ranked.Where(t => t.Score >= floor)
            .OrderBy(t => complexity(t.Configuration)).ThenByDescending(t => t.Score).ThenBy(t => t.Number)
            .First();
        var reason = chosen == top
            ? $"trial {top.Number} has the top score {top.Score:0.0000}; no simpler trial is within one standard error ({se:0.0000}) of it"
            : $"trial {chosen.Number} ({chosen.Score:0.0000}) is within one standard error ({se:0.0000}) of the top score {top.Score:0.0000} (trial {top.Number}) and simpler "
              + $"(complexity {complexity(chosen.Configuration)} against {complexity(top.Configuration)})";
        return new Choice(chosen, top, se, reason);
    }

    /// <summary>Sample standard deviation of the fold scores over √n; 0 with fewer than two folds (then only the top score's ties count).</summary>
    public static double StandardError(IReadOnlyList<double> foldScores)
    {
        var n = foldScores.Count;
        if (n < 2) return 0;
        var mean = foldScores.Average();
        var variance = foldScores.Sum(s => (s - mean) * (s - mean)) / (n - 1);
        return Math.Sqrt(variance / n);
    }
}
