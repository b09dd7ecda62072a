using TopicModel.ML.Data;

namespace TopicModel.ML.Trainers;

/// <summary>
/// Multinomial or complement naive Bayes (ML.NET's name; the model is scikit-learn's MultinomialNB and
/// ComplementNB, not ML.NET's binarized one). One pass over the data sums the example-weighted feature
/// values per class; every weight is a smoothed log frequency of those sums, so there is nothing to
/// iterate, shuffle or seed.
/// </summary>
public sealed class NaiveBayes : IMulticlassTrainer
{
    public const string TrainerName = "NaiveBayes";

    public NaiveBayes(NaiveBayesOptions? options = null)
    {
        Options = options ?? new NaiveBayesOptions();
        if (!(Options.Alpha > 0) || float.IsInfinity(Options.Alpha))
            throw new TopicModelException($"{TrainerName}: Alpha must be a finite number > 0, not {Options.Alpha}");
        if (!Enum.IsDefined(Options.Variant))
            throw new TopicModelException($"{TrainerName}: unknown Variant {(int)Options.Variant}");
    }

    public NaiveBayesOptions Options { get; }
    public string Name => TrainerName;

    public IMulticlassModel Fit(MulticlassDataset data) => FitModel(data);

    /// <summary>As <see cref="Fit"/>, typed to expose the weights.</summary>
    public NaiveBayesModel FitModel(MulticlassDataset data)
    {
        TrainingData.Check(data, TrainerName);
        for (var i = 0; i < data.Count; i++)
        {
            foreach (var v in data.Rows[i].Values)
            {
                if (v < 0)
                    throw new TopicModelException($"{TrainerName}: example {i} has a negative feature value {v}; naive Bayes reads features as counts");
            }
        }
        int classes = data.ClassCount, features = data.FeatureCount;
        var (counts, classWeights) = ClassSums(data);
        var weights = Options.Variant == NaiveBayesVariant.Multinomial
            ? MultinomialWeights(counts, classes, features)
            : ComplementWeights(counts, classes, features);
        var biases = new float[classes];
        if (Options.FitPriors)
        {
            var total = classWeights.Sum() + Options.Alpha * classes;
            for (var k = 0; k < classes; k++) biases[k] = (float)Math.Log((classWeights[k] + Options.Alpha) / total);
        }
        return new NaiveBayesModel(data.ClassNames, features, Options.Variant, weights, biases);
    }

    /// <summary>Σ weight·value of every feature per class, row-major [classes × features], and each class's total example weight.</summary>
    private static (double[] Counts, double[] ClassWeights) ClassSums(MulticlassDataset data)
    {
        var counts = new double[data.ClassCount * data.FeatureCount];
        var classWeights = new double[data.ClassCount];
        for (var i = 0; i < data.Count; i++)
        {
            double s = data.WeightOf(i);
            var y = data.Labels[i];
            classWeights[y] += s;
            var row = counts.AsSpan(y * data.FeatureCount, data.FeatureCount);
            var indices = data.Rows[i].Indices;
            var values = data.Rows[i].Values;
            for (var n = 0; n < indices.Length; n++) row[indices[n]] += s * values[n];
        }
        return (counts, classWeights);
    }

    /// <summary>log p(f|c) = log((count(c,f) + α) / (Σ_f count(c,f) + α·F)).</summary>
    private float[] MultinomialWeights(double[] counts, int classes, int features)
    {
        var weights = new float[counts.Length];
        for (var k = 0; k < classes; k++)
        {
            var row = counts.AsSpan(k * features, features);
            var logTotal = Math.Log(Sum(row) + Options.Alpha * features);
            for (var j = 0; j < features; j++) weights[k * features + j] = (float)(Math.Log(row[j] + Options.Alpha) - logTotal);
        }
        return weights;
    }

    /// <summary>
    /// Rennie et al.: θ̃(c,f) is the smoothed frequency of f in the documents of every class but c, and a
    /// document that fits the complement of c poorly fits c well, so class c's weight is −log θ̃(c,f).
    /// Normalized, each row is divided by its mean |weight| rather than Rennie's sum: the two differ by the
    /// feature count, a factor all classes share, so predictions are the same, but the scores keep the
    /// scale of log-likelihoods and their softmax stays informative instead of nearly uniform.
    /// </summary>
    private float[] ComplementWeights(double[] counts, int classes, int features)
    {
        var featureTotals = new double[features];
        for (var k = 0; k < classes; k++)
        {
            var row = counts.AsSpan(k * features, features);
            for (var j = 0; j < features; j++) featureTotals[j] += row[j];
        }
        var grandTotal = Sum(featureTotals);
        var weights = new float[counts.Length];
        var complement = new double[features];
        for (var k = 0; k < classes; k++)
        {
            var row = counts.AsSpan(k * features, features);
            var logTotal = Math.Log(grandTotal - Sum(row) + Options.Alpha * features);
            var absoluteSum = 0d;
            for (var j = 0; j < features; j++)
            {
                // Clamped: the subtraction can round a little below zero when c holds all of f's mass.
                complement[j] = logTotal - Math.Log(Math.Max(featureTotals[j] - row[j], 0) + Options.Alpha);
                absoluteSum += Math.Abs(complement[j]);
            }
            var scale = Options.NormalizeWeights && absoluteSum > 0 ? features / absoluteSum : 1;
            for (var j = 0; j < features; j++) weights[k * features + j] = (float)(complement[j] * scale);
        }
        return weights;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0d;
        foreach (var v in values) sum += v;
        return sum;
    }
}
