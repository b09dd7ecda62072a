namespace TopicModel.ML.Text;

/// <summary>The value of a term's feature (ML.NET's WeightingCriteria).</summary>
public enum TermWeighting
{
    /// <summary>Term frequency in the field (1 + ln tf when sublinear).</summary>
    Tf,
    /// <summary>Inverse document frequency alone, for every term present.</summary>
    Idf,
    /// <summary>Term frequency times smoothed inverse document frequency.</summary>
    TfIdf,
}
