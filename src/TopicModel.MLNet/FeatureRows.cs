using Microsoft.ML;
using Microsoft.ML.Data;
using TopicModel.ML.Data;
using TopicModel.ML.Sparse;

namespace TopicModel.MLNet;

/// <summary>
/// Our feature rows as an ML.NET IDataView: <c>Features</c> (a sparse <c>VBuffer&lt;float&gt;</c> of the dataset's
/// dimension), <c>Label</c> (a key over the class names) and <c>Weight</c>, the columns ML.NET's trainers read.
/// </summary>
public static class FeatureRows
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";
    public const string WeightColumn = "Weight";

    internal sealed class Row
    {
        public VBuffer<float> Features { get; set; }
        public uint Label { get; set; }
        public float Weight { get; set; }
    }

    /// <summary>Only the features, for prediction.</summary>
    internal sealed class Input
    {
        public VBuffer<float> Features { get; set; }
    }

    internal sealed class Output
    {
        public float[] Score { get; set; } = [];
    }

    public static IDataView ToDataView(MLContext mlContext, MulticlassDataset data)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        var rows = new Row[data.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            // A key-typed uint member holds the 0-based class index (LoadFromEnumerable stores it as index + 1).
            rows[i] = new Row { Features = ToVBuffer(data.Rows[i]), Label = (uint)data.Labels[i], Weight = data.WeightOf(i) };
        }
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.FeatureCount);
        schema[LabelColumn].ColumnType = new KeyDataViewType(typeof(uint), data.ClassCount);
        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    internal static SchemaDefinition InputSchema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(Input));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    public static VBuffer<float> ToVBuffer(SparseVector vector) =>
        new(vector.Dimension, vector.Count, (float[])vector.Values.Clone(), (int[])vector.Indices.Clone());
}
