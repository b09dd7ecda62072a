using TopicModel.DataPrep.Labeling;

namespace TopicModel.DataPrep.Tests.Labeling;

/// <summary>
/// Simulated labeling functions with known behaviour: each votes with its propensity and, when it
/// votes, is right with its accuracy and otherwise picks a wrong class uniformly.
/// </summary>
internal sealed record SyntheticVotes(LabelMatrix Matrix, int[] Truth)
{
    /// <param name="strongWhenRight">Chance that a right vote comes with two keyword hits instead of one (wrong votes have one).</param>
    public static SyntheticVotes Generate(int papers, double[] classPriors, double[] accuracies, double[] propensities, int seed, double strongWhenRight = 0)
    {
        var random = new Random(seed);
        var k = classPriors.Length;
        var m = accuracies.Length;
        var truth = new int[papers];
        var votes = new int[papers, m];
        var hits = new int[papers * m];
        for (var i = 0; i < papers; i++)
        {
            truth[i] = Sample(classPriors, random.NextDouble());
            for (var j = 0; j < m; j++)
            {
                if (random.NextDouble() >= propensities[j])
                {
                    votes[i, j] = LabelMatrix.Abstain;
                }
                else if (random.NextDouble() < accuracies[j])
                {
                    votes[i, j] = truth[i];
                    hits[i * m + j] = random.NextDouble() < strongWhenRight ? 2 : 1;
                }
                else
                {
                    var wrong = random.Next(k - 1);
                    votes[i, j] = wrong >= truth[i] ? wrong + 1 : wrong;
                    hits[i * m + j] = 1;
                }
            }
        }
        var classes = Enumerable.Range(0, k).Select(c => $"c{c}").ToArray();
        var plain = LabelMatrix.FromVotes(votes, classes);
        var matrix = new LabelMatrix(plain.PaperIds, plain.FunctionNames, plain.FunctionWeights, classes,
            Enumerable.Range(0, papers * m).Select(x => votes[x / m, x % m]).ToArray(), hits, plain.Evidence, LabelMatrix.Abstain);
        return new SyntheticVotes(matrix, truth);
    }

    /// <summary>Share of covered papers whose label is the true class.</summary>
    public double Accuracy(IReadOnlyList<WeakLabel?> labels)
    {
        int right = 0, total = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] is not { } label) continue;
            total++;
            if (label.Topic == Matrix.ClassNames[Truth[i]]) right++;
        }
        return (double)right / total;
    }

    private static int Sample(double[] weights, double u)
    {
        var cumulative = 0.0;
        for (var c = 0; c < weights.Length; c++)
        {
            cumulative += weights[c];
            if (u < cumulative) return c;
        }
        return weights.Length - 1;
    }
}
