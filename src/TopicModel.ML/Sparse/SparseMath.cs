namespace TopicModel.ML.Sparse;

/// <summary>
/// Kernels between one sparse row (indices + values) and dense rows, the inner loops of every linear trainer.
/// Overloads on float and double because optimizers keep their iterate in double for stable convergence tests.
/// </summary>
public static class SparseMath
{
    public static float Dot(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<float> dense)
    {
        var sum = 0f;
        for (var i = 0; i < indices.Length; i++)
            sum += values[i] * dense[indices[i]];
        return sum;
    }

    public static double Dot(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<double> dense)
    {
        var sum = 0d;
        for (var i = 0; i < indices.Length; i++)
            sum += values[i] * dense[indices[i]];
        return sum;
    }

    /// <summary>dense += scale * sparse.</summary>
    public static void AddScaled(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, double scale, Span<double> dense)
    {
        for (var i = 0; i < indices.Length; i++)
            dense[indices[i]] += scale * values[i];
    }

    /// <summary>dense += scale * sparse.</summary>
    public static void AddScaled(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, float scale, Span<float> dense)
    {
        for (var i = 0; i < indices.Length; i++)
            dense[indices[i]] += scale * values[i];
    }

    public static double SquaredNorm(ReadOnlySpan<float> values)
    {
        var sum = 0d;
        foreach (var v in values) sum += (double)v * v;
        return sum;
    }
}
