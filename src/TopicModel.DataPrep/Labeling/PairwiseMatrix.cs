namespace TopicModel.DataPrep.Labeling;

/// <summary>A square table over named items (functions or topics): <c>Values[row][column]</c>.</summary>
public sealed record PairwiseMatrix(IReadOnlyList<string> Names, IReadOnlyList<IReadOnlyList<double>> Values)
{
    public double this[int row, int column] => Values[row][column];
}
