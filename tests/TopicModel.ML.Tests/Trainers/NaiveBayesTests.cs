using TopicModel.ML.Data;
using TopicModel.ML.Sparse;
using TopicModel.ML.Trainers;

namespace TopicModel.ML.Tests.Trainers;

/// <summary>Behaviour specific to <see cref="NaiveBayes"/>: its estimates against hand computation, weights, skewed classes.</summary>
public sealed class NaiveBayesTests
{
    private static SparseVector Row(params float[] dense)
    {
        var indices = Enumerable.Range(0, dense.Length).Where(j => dense[j] != 0).ToArray();
        return new SparseVector(dense.Length, indices, indices.Select(j => dense[j]).ToArray());
    }

    // Class a: [2,1,0] and [1,0,0], so counts [3,1,0]; class b: [0,1,2].
    private static MulticlassDataset Tiny(float[]? weights = null) =>
        new([Row(2, 1, 0), Row(1, 0, 0), Row(0, 1, 2)], [0, 0, 1], ["a", "b"], weights);

    [Fact]
    public void MultinomialProbabilitiesMatchHandComputedBayesRule()
    {
        var model = new NaiveBayes(new NaiveBayesOptions { Alpha = 1 }).FitModel(Tiny());

        // p(f|a) = (count + 1) / (4 + 3), p(f|b) = (count + 1) / (3 + 3); priors (n + 1) / (3 + 2).
        double[] pa = [4 / 7.0, 2 / 7.0, 1 / 7.0], pb = [1 / 6.0, 2 / 6.0, 3 / 6.0];
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(Math.Log(pa[j]), model.ClassWeights(0)[j], 5);
            Assert.Equal(Math.Log(pb[j]), model.ClassWeights(1)[j], 5);
        }
        // x = [1, 0, 1]: p(x|c)·p(c) up to the shared multinomial coefficient.
        var jointA = 3 / 5.0 * pa[0] * pa[2];
        var jointB = 2 / 5.0 * pb[0] * pb[2];
        var probabilities = new float[2];
        model.PredictProbabilities(Row(1, 0, 1), probabilities);
        Assert.Equal(jointA / (jointA + jointB), probabilities[0], 5);
        Assert.Equal(jointB / (jointA + jointB), probabilities[1], 5);
    }

    [Fact]
    public void ComplementWeightsAreNegatedLogFrequenciesOfTheOtherClasses()
    {
        var model = new NaiveBayes(new NaiveBayesOptions { Variant = NaiveBayesVariant.Complement, Alpha = 1, FitPriors = false }).FitModel(Tiny());

        // Not-a is b's counts [0,1,2] (total 3); not-b is a's counts [3,1,0] (total 4).
        double[] notA = [1 / 6.0, 2 / 6.0, 3 / 6.0], notB = [4 / 7.0, 2 / 7.0, 1 / 7.0];
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(-Math.Log(notA[j]), model.ClassWeights(0)[j], 5);
            Assert.Equal(-Math.Log(notB[j]), model.ClassWeights(1)[j], 5);
        }
        var probabilities = new float[2];
        model.PredictProbabilities(Row(1, 0, 1), probabilities);
        var scoreA = -Math.Log(notA[0]) - Math.Log(notA[2]);
        var scoreB = -Math.Log(notB[0]) - Math.Log(notB[2]);
        Assert.Equal(1 / (1 + Math.Exp(scoreB - scoreA)), probabilities[0], 5);
    }

    [Fact]
    public void NormalizedComplementWeightsHaveUnitMeanMagnitudeAndRankAsRennie()
    {
        var data = SyntheticData.Topics(120, 3, 30, 15, 0.6, seed: 11);
        var plain = new NaiveBayes(new NaiveBayesOptions { Variant = NaiveBayesVariant.Complement, FitPriors = false }).FitModel(data);
        var normalized = new NaiveBayes(new NaiveBayesOptions { Variant = NaiveBayesVariant.Complement, FitPriors = false, NormalizeWeights = true }).FitModel(data);

        for (var k = 0; k < 3; k++)
        {
            var row = normalized.ClassWeights(k).ToArray();
            Assert.Equal(1.0, row.Average(w => Math.Abs(w)), 4);
            // Rennie divides by Σ|w|; ours divides by the mean, so the scores differ by the feature count only.
            var plainRow = plain.ClassWeights(k).ToArray();
            var rennie = plainRow.Select(w => w / plainRow.Sum(Math.Abs)).ToArray();
            Assert.Equal(rennie[0] * 30, row[0], 4);
        }
    }

    [Fact]
    public void ExampleWeightCountsLikeRepeatingTheExample()
    {
        var weighted = new NaiveBayes().FitModel(Tiny([2, 1, 1]));
        var repeated = new NaiveBayes().FitModel(new MulticlassDataset(
            [Row(2, 1, 0), Row(2, 1, 0), Row(1, 0, 0), Row(0, 1, 2)], [0, 0, 0, 1], ["a", "b"]));

        Assert.Equal(repeated.ClassWeights(0).ToArray(), weighted.ClassWeights(0).ToArray());
        Assert.Equal(repeated.Biases.ToArray(), weighted.Biases.ToArray());
    }

    [Fact]
    public void NegativeFeatureValuesAreRejected()
    {
        var data = new MulticlassDataset([Row(1, -1, 0), Row(0, 1, 2)], [0, 1], ["a", "b"]);

        var error = Assert.Throws<TopicModelException>(() => new NaiveBayes().Fit(data));
        Assert.Contains("NaiveBayes: example 0 has a negative feature value", error.Message);
    }

    [Fact]
    public void ComplementRecallsSmallClassesOnSkewedData()
    {
        // One large class and two small ones (10 examples each) for training; balanced test data.
        var pool = SyntheticData.Topics(600, 3, 60, 20, 0.35, seed: 12);
        var keep = Enumerable.Range(0, pool.Count).Where(i => pool.Labels[i] == 0 || pool.Labels.Take(i).Count(y => y == pool.Labels[i]) < 10).ToArray();
        var train = new MulticlassDataset(keep.Select(i => pool.Rows[i]).ToList(), keep.Select(i => pool.Labels[i]).ToArray(), pool.ClassNames);
        var test = SyntheticData.Topics(300, 3, 60, 20, 0.35, seed: 13);

        double MacroRecall(NaiveBayesVariant variant)
        {
            var model = new NaiveBayes(new NaiveBayesOptions { Variant = variant, FitPriors = false }).FitModel(train);
            var probabilities = new float[3];
            var hits = new int[3];
            for (var i = 0; i < test.Count; i++)
            {
                model.PredictProbabilities(test.Rows[i], probabilities);
                if (Array.IndexOf(probabilities, probabilities.Max()) == test.Labels[i]) hits[test.Labels[i]]++;
            }
            return Enumerable.Range(0, 3).Average(k => hits[k] / (double)test.Labels.Count(y => y == k));
        }

        var complement = MacroRecall(NaiveBayesVariant.Complement);
        var multinomial = MacroRecall(NaiveBayesVariant.Multinomial);
        Assert.True(complement >= 0.75, $"complement macro recall {complement:F3}");
        Assert.True(complement >= multinomial - 0.02, $"complement {complement:F3} vs multinomial {multinomial:F3}");
    }

    [Fact]
    public void DamagedWeightsFailToLoadClearly()
    {
        var model = new NaiveBayes().FitModel(Tiny());
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) ModelSerializer.Save(model, writer);
        var bytes = stream.ToArray();

        var truncated = Assert.Throws<TopicModelException>(() => ModelSerializer.Load(new BinaryReader(new MemoryStream(bytes[..^3]))));
        Assert.Contains("NaiveBayes weights are truncated", truncated.Message);
        var notFinite = Assert.Throws<TopicModelException>(() => new NaiveBayesModel(["a", "b"], 1, NaiveBayesVariant.Multinomial, [0f, float.NaN], [0f, 0f]));
        Assert.Contains("NaN or infinity", notFinite.Message);
    }
}
