using TopicModel.ML.Sparse;

namespace TopicModel.ML.Trainers;

/// <summary>
/// Read access to training rows however the caller holds them (a list of sparse vectors or a CSR matrix), so
/// the boosting code bins and scores them without first copying them into one layout.
/// </summary>
internal readonly struct RowSource
{
    private readonly IReadOnlyList<SparseVector>? _vectors;
    private readonly CsrMatrix? _matrix;

    public RowSource(IReadOnlyList<SparseVector> vectors) => _vectors = vectors;

    public RowSource(CsrMatrix matrix) => _matrix = matrix;

    public ReadOnlySpan<int> Indices(int row) => _vectors is not null ? _vectors[row].Indices : _matrix!.RowIndices(row);

    public ReadOnlySpan<float> Values(int row) => _vectors is not null ? _vectors[row].Values : _matrix!.RowValues(row);
}
