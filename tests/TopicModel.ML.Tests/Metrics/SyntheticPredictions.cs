using TopicModel.ML.Metrics;

namespace TopicModel.ML.Tests.Metrics;

/// <summary>
/// Seeded synthetic classifiers with a known skill: logits are Gaussian noise plus <c>strength</c> on the
/// true class, so strength 0 is chance and larger strengths are more accurate.
/// </summary>
internal static class SyntheticPredictions
{
    public static string[] ClassNames(int k) => Enumerable.Range(0, k).Select(c => $"class{c}").ToArray();

    public static int[] Labels(int n, int k, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.Next(k)).ToArray();
    }

    public static float[][] Probabilities(int[] labels, int k, double strength, int seed)
    {
        var random = new Random(seed);
        var rows = new float[labels.Length][];
        var logits = new double[k];
        for (var i = 0; i < labels.Length; i++)
        {
            for (var c = 0; c < k; c++) logits[c] = Gaussian(random) + (c == labels[i] ? strength : 0);
            var max = logits.Max();
            var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
            var sum = exp.Sum();
            rows[i] = exp.Select(e => (float)(e / sum)).ToArray();
        }
        return rows;
    }

    public static MulticlassPredictions Create(int n, int k, double strength, int seed)
    {
        var labels = Labels(n, k, seed);
        return MulticlassPredictions.Create(labels, Probabilities(labels, k, strength, seed + 1), ClassNames(k));
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
