namespace TopicModel.DataPrep.Labeling;

/// <summary>A fitted <see cref="MajorityVoteLabelModel"/>; it learns nothing but reports how functions agree with it.</summary>
public sealed class FittedMajorityVoteLabelModel : IFittedLabelModel
{
    private readonly IReadOnlyList<string> _functionNames;
    private readonly IReadOnlyList<string> _classNames;

    internal FittedMajorityVoteLabelModel(MajorityVoteOptions options, IReadOnlyList<string> functionNames, IReadOnlyList<string> classNames, IReadOnlyList<LabelingFunctionEstimate> functions)
    {
        Options = options;
        _functionNames = functionNames;
        _classNames = classNames;
        Functions = functions;
    }

    public string Name => "MajorityVote";
    public MajorityVoteOptions Options { get; }
    public IReadOnlyList<LabelingFunctionEstimate> Functions { get; }

    public IReadOnlyList<WeakLabel?> Predict(LabelMatrix matrix)
    {
        LabelModelChecks.RequireCompatible(Name, _functionNames, _classNames, matrix);
        return Vote(matrix, Options);
    }

    internal static WeakLabel?[] Vote(LabelMatrix matrix, MajorityVoteOptions options)
    {
        var k = matrix.ClassCount;
        var labels = new WeakLabel?[matrix.PaperCount];
        var scores = new double[k];
        var supporters = new int[k];
        for (var i = 0; i < matrix.PaperCount; i++)
        {
            Array.Clear(scores);
            Array.Clear(supporters);
            var votes = matrix.Votes(i);
            var hits = matrix.HitsOf(i);
            var covered = false;
            for (var j = 0; j < votes.Length; j++)
            {
                if (votes[j] == LabelMatrix.Abstain) continue;
                covered = true;
                var w = (options.UseFunctionWeights ? matrix.FunctionWeights[j] : 1.0) * (options.WeightByHits ? hits[j] : 1);
                scores[votes[j]] += w;
                supporters[votes[j]]++;
            }
            if (!covered)
            {
                labels[i] = LabelModelChecks.Fallback(matrix);
                continue;
            }
            var best = 0;
            for (var c = 1; c < k; c++)
            {
                if (scores[c] > scores[best] || scores[c] == scores[best] && supporters[c] > supporters[best]) best = c;
            }
            labels[i] = new WeakLabel(matrix.ClassNames[best], LabelModelChecks.ToProbabilities(scores), matrix.FiredFunctions(i));
        }
        return labels;
    }
}
