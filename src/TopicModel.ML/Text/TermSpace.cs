namespace TopicModel.ML.Text;

/// <summary>How terms (n-grams) become feature indices.</summary>
public enum TermSpace
{
    /// <summary>A vocabulary learned at fit time (ML.NET's ValueToKeyMapping + NgramExtractor): exact, compact, drops unseen terms.</summary>
    Dictionary,
    /// <summary>Seeded MurmurHash3 into 2^HashBits buckets per field (ML.NET's NgramHashing): fixed size, keeps unseen terms, may collide.</summary>
    Hashing,
}
