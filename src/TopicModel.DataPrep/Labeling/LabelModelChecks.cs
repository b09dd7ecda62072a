using TopicModel.ML;

namespace TopicModel.DataPrep.Labeling;

/// <summary>Shared guards and output helpers of the label models.</summary>
internal static class LabelModelChecks
{
    public static void RequireCompatible(string model, IReadOnlyList<string> functions, IReadOnlyList<string> classes, LabelMatrix matrix)
    {
        if (!functions.SequenceEqual(matrix.FunctionNames, StringComparer.Ordinal))
            throw new TopicModelException(
                $"{model} label model was fitted on functions [{string.Join(", ", functions)}] but the matrix has [{string.Join(", ", matrix.FunctionNames)}]");
        if (!classes.SequenceEqual(matrix.ClassNames, StringComparer.Ordinal))
            throw new TopicModelException(
                $"{model} label model was fitted on classes [{string.Join(", ", classes)}] but the matrix has [{string.Join(", ", matrix.ClassNames)}]");
    }

    /// <summary>The label of an uncovered paper: certain fallback class, or none.</summary>
    public static WeakLabel? Fallback(LabelMatrix matrix)
    {
        if (matrix.FallbackClass == LabelMatrix.Abstain) return null;
        var p = new float[matrix.ClassCount];
        p[matrix.FallbackClass] = 1f;
        return new WeakLabel(matrix.ClassNames[matrix.FallbackClass], p, []);
    }

    /// <summary>Normalizes non-negative scores into probabilities that sum to 1 in float.</summary>
    public static float[] ToProbabilities(ReadOnlySpan<double> scores)
    {
        var total = 0.0;
        foreach (var s in scores) total += s;
        var p = new float[scores.Length];
        for (var k = 0; k < p.Length; k++) p[k] = (float)(scores[k] / total);
        return p;
    }

    /// <summary>Index of the largest value; the lowest index wins ties, so results never depend on iteration order.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best]) best = k;
        }
        return best;
    }
}
