using TopicModel.DataPrep.Preparation;

namespace TopicModel.Evaluation.Harness;

/// <summary>Turns prepared data into the evaluator's inputs: held-out papers to score, training papers to check leakage against.</summary>
public static class EvaluationData
{
    /// <summary>Distinct held-out papers with their merged label (reviewed over weak).</summary>
    public static IReadOnlyList<EvaluationPaper> HeldOut(PreparedData data) => Distinct(data.InSplit(Split.HeldOut));

    /// <summary>Distinct papers of the training and unlabeled data, overlap with the held-out data included: the leakage check needs them.</summary>
    public static IReadOnlyList<EvaluationPaper> Training(PreparedData data) => Distinct(data.Papers.Where(p => p.Split != Split.HeldOut));

    private static IReadOnlyList<EvaluationPaper> Distinct(IEnumerable<PreparedPaper> papers) =>
        papers.DistinctBy(p => p.Paper.Id)
            .Select(p => new EvaluationPaper(p.Paper, p.Label.Topic, p.Reviewed?.Secondary ?? [], p.Label.Source))
            .ToArray();
}
