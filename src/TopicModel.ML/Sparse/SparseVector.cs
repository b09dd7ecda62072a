namespace TopicModel.ML.Sparse;

/// <summary>
/// An immutable sparse vector: strictly increasing feature indices with their values.
/// Arrays rather than lists so hot loops can take spans over them.
/// </summary>
public sealed class SparseVector
{
    public static SparseVector Empty(int dimension) => new(dimension, [], []);

    public SparseVector(int dimension, int[] indices, float[] values)
    {
        if (indices.Length != values.Length)
            throw new ArgumentException("indices and values differ in length");
        for (var i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)dimension || (i > 0 && indices[i] <= indices[i - 1]))
                throw new ArgumentException($"index {indices[i]} at {i} is out of range or not increasing");
        }
        Dimension = dimension;
        Indices = indices;
        Values = values;
    }

    public int Dimension { get; }
    public int[] Indices { get; }
    public float[] Values { get; }
    public int Count => Indices.Length;

    /// <summary>Dot product with a dense weight row.</summary>
    public float Dot(ReadOnlySpan<float> dense)
    {
        var sum = 0f;
        var idx = Indices;
        var val = Values;
        for (var i = 0; i < idx.Length; i++)
            sum += val[i] * dense[idx[i]];
        return sum;
    }
}
