using TopicModel.ML.Sparse;

namespace TopicModel.ML.Data;

/// <summary>
/// What every multiclass trainer fits on: one sparse feature row per example, its class index,
/// an optional example weight, and the class names (index = class id).
/// </summary>
public sealed record MulticlassDataset
{
    public MulticlassDataset(IReadOnlyList<SparseVector> rows, int[] labels, IReadOnlyList<string> classNames, float[]? weights = null)
    {
        if (rows.Count != labels.Length)
            throw new TopicModelException($"dataset has {rows.Count} rows but {labels.Length} labels");
        if (weights is not null && weights.Length != labels.Length)
            throw new TopicModelException($"dataset has {labels.Length} labels but {weights.Length} weights");
        if (classNames.Count < 2)
            throw new TopicModelException("a multiclass dataset needs at least two classes");
        foreach (var y in labels)
        {
            if ((uint)y >= (uint)classNames.Count)
                throw new TopicModelException($"label {y} is outside the {classNames.Count} classes");
        }
        FeatureCount = rows.Count == 0 ? 0 : rows[0].Dimension;
        foreach (var r in rows)
        {
            if (r.Dimension != FeatureCount)
                throw new TopicModelException($"rows differ in dimension ({r.Dimension} vs {FeatureCount})");
        }
        Rows = rows;
        Labels = labels;
        ClassNames = classNames;
        Weights = weights;
    }

    public IReadOnlyList<SparseVector> Rows { get; }
    public int[] Labels { get; }
    public IReadOnlyList<string> ClassNames { get; }
    public float[]? Weights { get; }
    public int FeatureCount { get; }
    public int ClassCount => ClassNames.Count;
    public int Count => Labels.Length;

    public float WeightOf(int example) => Weights?[example] ?? 1f;
}
