namespace TopicModel.ML.Sparse;

/// <summary>Kernels on one sparse row (indices + values), the inner loops of linear models.</summary>
public static class SparseMath
{
    /// <summary>Σ values[i]·dense[indices[i]].</summary>
    public static float Dot(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<float> dense)
    {
        var sum = 0f;
        for (var i = 0; i < indices.Length; i++)
            sum += values[i] * dense[indices[i]];
        return sum;
    }

    /// <summary>Accumulated in double: it scales step sizes, where float rounding on long rows would show.</summary>
    public static double SquaredNorm(ReadOnlySpan<float> values)
    {
        var sum = 0d;
        foreach (var v in values) sum += (double)v * v;
        return sum;
    }
}
