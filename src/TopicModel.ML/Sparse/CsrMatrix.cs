using TopicModel.ML.Data;

namespace TopicModel.ML.Sparse;

/// <summary>
/// Compressed sparse rows: all rows' indices and values in two contiguous arrays, so trainers that
/// sweep the data many times walk memory in order instead of chasing one object per row.
/// </summary>
public sealed class CsrMatrix
{
    private readonly int[] _rowStarts;
    private readonly int[] _indices;
    private readonly float[] _values;

    private CsrMatrix(int columnCount, int[] rowStarts, int[] indices, float[] values)
    {
        ColumnCount = columnCount;
        _rowStarts = rowStarts;
        _indices = indices;
        _values = values;
    }

    public int RowCount => _rowStarts.Length - 1;
    public int ColumnCount { get; }
    public long NonZeroCount => _indices.Length;

    public static CsrMatrix FromRows(IReadOnlyList<SparseVector> rows, int columnCount)
    {
        var starts = new int[rows.Count + 1];
        long total = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            total += rows[i].Count;
            if (total > Array.MaxLength)
                throw new TopicModelException($"the data has more than {Array.MaxLength} non-zero features");
            starts[i + 1] = (int)total;
        }
        var indices = new int[total];
        var values = new float[total];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Indices.CopyTo(indices, starts[i]);
            rows[i].Values.CopyTo(values, starts[i]);
        }
        return new CsrMatrix(columnCount, starts, indices, values);
    }

    public static CsrMatrix FromDataset(MulticlassDataset data) => FromRows(data.Rows, data.FeatureCount);

    public ReadOnlySpan<int> RowIndices(int row) => _indices.AsSpan(_rowStarts[row], _rowStarts[row + 1] - _rowStarts[row]);

    public ReadOnlySpan<float> RowValues(int row) => _values.AsSpan(_rowStarts[row], _rowStarts[row + 1] - _rowStarts[row]);
}
