namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// The baseline label model: each class scores the weighted votes it received and the label is the
/// top class, with vote shares as probabilities. Ties go to the class backed by more functions,
/// then to the class listed first in the taxonomy.
/// </summary>
public sealed class MajorityVoteLabelModel(MajorityVoteOptions? options = null) : ILabelModel
{
    public MajorityVoteOptions Options { get; } = options ?? new MajorityVoteOptions();

    public string Name => "MajorityVote";

    public IFittedLabelModel Fit(LabelMatrix matrix)
    {
        var labels = FittedMajorityVoteLabelModel.Vote(matrix, Options);
        var m = matrix.FunctionCount;
        var estimates = new LabelingFunctionEstimate[m];
        for (var j = 0; j < m; j++)
        {
            // Without gold labels the best a majority vote can say about a function is how often it agrees with the majority.
            int voted = 0, agreed = 0;
            for (var i = 0; i < matrix.PaperCount; i++)
            {
                var v = matrix.Vote(i, j);
                if (v == LabelMatrix.Abstain) continue;
                voted++;
                if (labels[i] is { } label && label.Topic == matrix.ClassNames[v]) agreed++;
            }
            estimates[j] = new LabelingFunctionEstimate(
                matrix.FunctionNames[j],
                voted == 0 ? 0 : (double)agreed / voted,
                matrix.PaperCount == 0 ? 0 : (double)voted / matrix.PaperCount);
        }
        return new FittedMajorityVoteLabelModel(Options, matrix.FunctionNames.ToArray(), matrix.ClassNames.ToArray(), estimates);
    }
}
