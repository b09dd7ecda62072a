namespace TopicModel.ML.Text;

/// <summary>One block of the feature vector: the fields pooled into it, where it starts, its weight and terms.</summary>
internal sealed class FieldBlock
{
    public FieldBlock(int[] fields, int offset, float weight, string? name, FieldTermIndex index, int documentCount)
    {
        Fields = fields;
        Offset = offset;
        Weight = weight;
        Name = name;
        Index = index;
        Idf = new float[index.Size];
        for (var i = 0; i < Idf.Length; i++)
            Idf[i] = SmoothIdf(index.DocumentFrequency(i), documentCount);
    }

    public int[] Fields { get; }
    public int Offset { get; }
    public float Weight { get; }
    public string? Name { get; }
    public FieldTermIndex Index { get; }
    public float[] Idf { get; }

    /// <summary>ln((1 + N) / (1 + df)) + 1, as scikit-learn's smooth idf: finite for unseen terms, never zero.</summary>
    public static float SmoothIdf(int documentFrequency, int documentCount) =>
        (float)(Math.Log((1.0 + documentCount) / (1.0 + documentFrequency)) + 1.0);
}
