namespace TopicModel.Embeddings;

/// <summary>How token vectors become one sentence vector (sentence-transformers' Pooling module).</summary>
public enum Pooling
{
    /// <summary>Mean of every token's last hidden state, [CLS] and [SEP] included (all-MiniLM-L6-v2).</summary>
    Mean,

    /// <summary>The [CLS] token's last hidden state (snowflake-arctic-embed-xs).</summary>
    Cls,
}
