using TopicModel.ML.Sparse;

namespace TopicModel.ML.Tests.Sparse;

public sealed class SparseMathTests
{
    [Fact]
    public void CsrRowsAreTheOriginalRows()
    {
        var rows = new[]
        {
            new SparseVector(6, [1, 4], [0.5f, -2f]),
            SparseVector.Empty(6),
            new SparseVector(6, [0, 2, 5], [1f, 3f, 4f]),
        };
        var matrix = CsrMatrix.FromRows(rows, 6);

        Assert.Equal(3, matrix.RowCount);
        Assert.Equal(6, matrix.ColumnCount);
        Assert.Equal(5, matrix.NonZeroCount);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].Indices, matrix.RowIndices(i).ToArray());
            Assert.Equal(rows[i].Values, matrix.RowValues(i).ToArray());
        }
    }

    [Fact]
    public void KernelsAgreeWithDenseArithmetic()
    {
        var random = new Random(11);
        var dense = Enumerable.Range(0, 50).Select(_ => random.NextDouble() - 0.5).ToArray();
        var indices = new[] { 0, 7, 13, 49 };
        var values = new[] { 1.5f, -2f, 0.25f, 3f };
        var expanded = new double[50];
        for (var i = 0; i < indices.Length; i++) expanded[indices[i]] = values[i];

        var expectedDot = expanded.Zip(dense, (a, b) => a * b).Sum();
        Assert.Equal((float)expectedDot, SparseMath.Dot(indices, values, dense.Select(v => (float)v).ToArray()), 5);
        Assert.Equal(values.Sum(v => (double)v * v), SparseMath.SquaredNorm(values), 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(37)]
    [InlineData(300)]
    public void NormIsTheEuclideanNormWhateverTheLength(int length)
    {
        var random = new Random(length);
        var values = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var expected = Math.Sqrt(values.Sum(v => (double)v * v));

        Assert.Equal(expected, SparseMath.Norm(values), expected * 1e-6 + 1e-12);
        // The library's norm, whose order depends on the CPU, agrees to float precision.
        Assert.Equal(System.Numerics.Tensors.TensorPrimitives.Norm<float>(values), SparseMath.Norm(values), (float)expected * 1e-6f + 1e-12f);
    }
}
