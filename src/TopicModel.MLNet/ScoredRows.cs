using Microsoft.ML;
using Microsoft.ML.Data;

namespace TopicModel.MLNet;

/// <summary>
/// Multiclass predictions as the IDataView ML.NET's scorers produce: a key-typed <c>Label</c> (with the class
/// names as key values), a <c>Score</c> vector of one probability per class and a key-typed <c>PredictedLabel</c>
/// (the highest probability, the lowest class on ties), so <c>MulticlassClassification.Evaluate</c> and any
/// downstream ML.NET step read our predictions as if an ML.NET trainer had made them.
/// </summary>
public static class ScoredRows
{
    public const string LabelColumn = "Label";
    public const string ScoreColumn = "Score";
    public const string PredictedLabelColumn = "PredictedLabel";

    private sealed class Row
    {
        public uint Label { get; set; }
        public float[] Score { get; set; } = [];
        public uint PredictedLabel { get; set; }
    }

    /// <param name="labels">True class index (0-based) per example.</param>
    /// <param name="probabilities">One row of <paramref name="classNames"/>.Count probabilities per example.</param>
    public static IDataView ToDataView(MLContext mlContext, IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        if (labels.Count != probabilities.Count)
            throw new ArgumentException($"{labels.Count} labels but {probabilities.Count} probability rows");
        var k = classNames.Count;
        var rows = new Row[labels.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var p = probabilities[i];
            if (p.Length != k) throw new ArgumentException($"example {i + 1}: {p.Length} probabilities for {k} classes");
            // A key-typed uint member of a class holds the 0-based index: LoadFromEnumerable adds 1 (0 = missing).
            rows[i] = new Row { Label = (uint)labels[i], Score = (float[])p.Clone(), PredictedLabel = (uint)ArgMax(p) };
        }

        var schema = SchemaDefinition.Create(typeof(Row));
        var keyType = new KeyDataViewType(typeof(uint), k);
        var names = new VBuffer<ReadOnlyMemory<char>>(k, classNames.Select(n => n.AsMemory()).ToArray());
        var namesType = new VectorDataViewType(TextDataViewType.Instance, k);
        foreach (var key in new[] { LabelColumn, PredictedLabelColumn })
        {
            schema[key].ColumnType = keyType;
            schema[key].AddAnnotation("KeyValues", names, namesType);
        }
        schema[ScoreColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, k);
        schema[ScoreColumn].AddAnnotation("SlotNames", names, namesType);
        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var c = 1; c < values.Length; c++)
            if (values[c] > values[best]) best = c;
        return best;
    }
}
