namespace TopicModel.ML.Trainers;

/// <summary>
/// The binary layout of a row-major [rows × columns] weight matrix shared by the linear models. Each row
/// is stored sparsely (index, value pairs) when that is smaller than dense, which it is for L1-regularized
/// models and for hashed feature spaces where most features never occur.
/// </summary>
internal static class WeightMatrixFormat
{
    public static void Write(BinaryWriter writer, ReadOnlySpan<float> weights, int rowCount, int columnCount)
    {
        for (var k = 0; k < rowCount; k++)
        {
            var row = weights.Slice(k * columnCount, columnCount);
            var nonZero = row.Length - row.Count(0f);
            var sparse = (long)nonZero * 2 < row.Length;
            writer.Write(sparse);
            if (sparse)
            {
                writer.Write(nonZero);
                for (var j = 0; j < row.Length; j++)
                {
                    if (row[j] == 0f) continue;
                    writer.Write(j);
                    writer.Write(row[j]);
                }
            }
            else
            {
                foreach (var w in row) writer.Write(w);
            }
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote; <paramref name="what"/> names the model in errors.</summary>
    public static float[] Read(BinaryReader reader, int rowCount, int columnCount, string what)
    {
        // A row takes at least its sparse flag and count; MaxWeights bounds the rest (sparse rows can be tiny).
        IO.BinaryBounds.Count(reader, rowCount, 5, $"{what} weights are corrupt: rows");
        var weights = new float[(long)rowCount * columnCount];
        for (var k = 0; k < rowCount; k++)
        {
            var row = weights.AsSpan(k * columnCount, columnCount);
            if (reader.ReadBoolean())
            {
                var nonZero = reader.ReadInt32();
                if (nonZero < 0 || nonZero > columnCount)
                    throw new TopicModelException($"{what} weights are corrupt: row {k} has {nonZero} non-zero weights");
                for (var i = 0; i < nonZero; i++)
                {
                    var j = reader.ReadInt32();
                    if ((uint)j >= (uint)columnCount)
                        throw new TopicModelException($"{what} weights are corrupt: feature {j} of row {k} is out of range");
                    row[j] = reader.ReadSingle();
                }
            }
            else
            {
                IO.BinaryBounds.Count(reader, columnCount, 4, $"{what} weights are corrupt: dense row {k}");
                for (var j = 0; j < columnCount; j++) row[j] = reader.ReadSingle();
            }
        }
        return weights;
    }

    /// <summary>
    /// Most weights a saved model may declare (2^27 floats, 512 MiB): far above what any pipeline here trains
    /// (tens of thousands of features × the taxonomy's topics), and low enough that a damaged count cannot
    /// make loading allocate gigabytes, since sparse rows let a tiny file declare a huge matrix.
    /// </summary>
    public const long MaxWeights = 1L << 27;

    /// <summary>Class names then feature count, validated: the header every multiclass model's weights start with.</summary>
    public static void WriteHeader(BinaryWriter writer, IReadOnlyList<string> classNames, int featureCount)
    {
        writer.Write(classNames.Count);
        foreach (var name in classNames) writer.Write(name);
        writer.Write(featureCount);
    }

    public static (string[] ClassNames, int FeatureCount) ReadHeader(BinaryReader reader, string what)
    {
        var classCount = reader.ReadInt32();
        if (classCount is < 2 or > 1_000_000)
            throw new TopicModelException($"{what} weights are corrupt: {classCount} classes");
        IO.BinaryBounds.Count(reader, classCount, 1, $"{what} weights are corrupt: class names");
        var names = new string[classCount];
        for (var k = 0; k < classCount; k++) names[k] = reader.ReadString();
        var featureCount = reader.ReadInt32();
        if (featureCount < 0 || (long)featureCount * classCount > MaxWeights)
            throw new TopicModelException($"{what} weights are corrupt: {featureCount} features × {classCount} classes is over the limit of {MaxWeights:N0} weights");
        return (names, featureCount);
    }

    public static float[] ReadFloats(BinaryReader reader, int count)
    {
        IO.BinaryBounds.Count(reader, count, 4, "weights are corrupt: values");
        var values = new float[count];
        for (var i = 0; i < count; i++) values[i] = reader.ReadSingle();
        return values;
    }

    /// <summary>Runs a reader, turning a truncated stream into a clear error.</summary>
    public static T Guard<T>(string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (EndOfStreamException e)
        {
            throw new TopicModelException($"{what} weights are truncated", inner: e);
        }
    }
}
