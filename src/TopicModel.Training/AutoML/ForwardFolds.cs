using TopicModel.Training.Pipelines;

namespace TopicModel.Training.AutoML;

/// <summary>
/// Forward-chaining validation folds: the dated, scored papers are cut by day into <c>count + 1</c> consecutive
/// blocks of about equal size; fold k (1..count) trains only on papers dated before block k's first day (and on
/// undated papers, which cannot be placed in time and never validate) and is scored on block k alone. This is
/// the situation of a new digest: a model that has seen only earlier papers. Block 0 only ever trains.
/// </summary>
/// <param name="BlockOf">Per labeled paper: the fold that scores it (1..count), or 0 when no forward fold scores it.</param>
/// <param name="Cutoffs">Per fold k (index k-1): its first day; fold k trains only on papers dated before it.</param>
public sealed record ForwardFolds(int[] BlockOf, DateOnly[] Cutoffs)
{
    public int Count => Cutoffs.Length;

    /// <summary>The fold's cut-off day (fold numbers start at 1).</summary>
    public DateOnly Cutoff(int fold) => Cutoffs[fold - 1];

    /// <summary>Whether a paper of this date may train fold <paramref name="fold"/>: undated, or dated before its cut-off.</summary>
    public bool MayTrain(DateOnly? date, int fold) => date is not { } d || d < Cutoff(fold);

    /// <summary>The labeled papers fold <paramref name="fold"/> trains on: dated before its cut-off, or undated.</summary>
    public int[] TrainingPapers(IReadOnlyList<LabeledPaper> labeled, int fold) =>
        Enumerable.Range(0, labeled.Count).Where(i => MayTrain(labeled[i].Paper.Date, fold)).ToArray();

    /// <summary>
    /// Folds over the <paramref name="scored"/> papers that have a date, or null when they span fewer than
    /// <c>count + 1</c> days (there is no earlier and later to split).
    /// </summary>
    public static ForwardFolds? Create(IReadOnlyList<LabeledPaper> labeled, IReadOnlyList<int> scored, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var days = scored.Where(i => labeled[i].Paper.Date is not null)
            .GroupBy(i => labeled[i].Paper.Date!.Value)
            .OrderBy(g => g.Key)
            .ToArray();
        if (days.Length < count + 1) return null;
        var total = days.Sum(g => g.Count());
        var blockOf = new int[labeled.Count];
        var cutoffs = new DateOnly?[count];
        var before = 0;
        var block = 0;
        foreach (var day in days)
        {
            // A day's papers stay together; a new block starts when the papers before it reach its share.
            var target = (int)((long)before * (count + 1) / total);
            if (target > block && block < count) block = target > count ? count : target;
            if (block > 0) cutoffs[block - 1] ??= day.Key;
            foreach (var i in day) blockOf[i] = block;
            before += day.Count();
        }
        if (cutoffs.Any(c => c is null)) return null;
        return new ForwardFolds(blockOf, cutoffs.Select(c => c!.Value).ToArray());
    }
}
