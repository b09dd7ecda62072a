namespace TopicModel.ML.Metrics;

/// <summary>
/// Counts of examples by [true class, predicted class], and the same rows divided by their support
/// (each row of <see cref="RowNormalized"/> is the distribution of predictions for that true class, its
/// diagonal the recall). A class with no support has a null normalized row.
/// </summary>
public sealed record ConfusionMatrix(
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<IReadOnlyList<int>> Counts,
    IReadOnlyList<IReadOnlyList<double>?> RowNormalized)
{
    public int ClassCount => ClassNames.Count;

    public int Count(int trueClass, int predictedClass) => Counts[trueClass][predictedClass];

    /// <summary>Examples whose true class is <paramref name="trueClass"/> (row sum).</summary>
    public int Support(int trueClass) => Counts[trueClass].Sum();

    /// <summary>Examples predicted as <paramref name="predictedClass"/> (column sum).</summary>
    public int PredictedCount(int predictedClass)
    {
        var sum = 0;
        foreach (var row in Counts) sum += row[predictedClass];
        return sum;
    }

    /// <summary>Diagonal over column sum; 0 when the class was never predicted, as in <see cref="ClassMetrics.Precision"/>.</summary>
    public double Precision(int c)
    {
        var predicted = PredictedCount(c);
        return predicted == 0 ? 0 : (double)Counts[c][c] / predicted;
    }

    /// <summary>Diagonal over row sum; null when the class has no support.</summary>
    public double? Recall(int c)
    {
        var support = Support(c);
        return support == 0 ? null : (double)Counts[c][c] / support;
    }

    internal static ConfusionMatrix From(MetricCounts counts, IReadOnlyList<string> classNames)
    {
        var k = counts.ClassCount;
        var rows = new IReadOnlyList<int>[k];
        var normalized = new IReadOnlyList<double>?[k];
        for (var t = 0; t < k; t++)
        {
            var row = new int[k];
            for (var p = 0; p < k; p++) row[p] = counts.Count(t, p);
            rows[t] = row;
            var support = counts.Support(t);
            normalized[t] = support == 0 ? null : Array.ConvertAll(row, v => (double)v / support);
        }
        return new ConfusionMatrix(classNames, rows, normalized);
    }
}
