namespace TopicModel.ML.Text;

/// <summary>
/// How raw text becomes word tokens (ML.NET's TextNormalizer + tokenizer + stop-word remover).
/// Shared by the text featurizer and by anything else that needs the same tokens (LDA).
/// </summary>
public sealed record TextNormalizationOptions
{
    /// <summary>Lower-case the text (needed for stop words to match, which are lower case).</summary>
    public bool CaseFolding { get; init; } = true;

    /// <summary>Map accented Latin letters to their base letters and expand ligatures.</summary>
    public bool RemoveDiacritics { get; init; } = true;

    /// <summary>Keep each punctuation or symbol character as a token of its own; otherwise punctuation only separates words.</summary>
    public bool KeepPunctuation { get; init; }

    public NumberHandling Numbers { get; init; } = NumberHandling.Remove;

    /// <summary>Drop <see cref="StopWords.English"/> before n-grams are formed, as ML.NET's FeaturizeText does.</summary>
    public bool RemoveStopWords { get; init; } = true;

    internal void Validate()
    {
        if (!Enum.IsDefined(Numbers))
            throw new TopicModelException($"text normalization: unknown number handling {(int)Numbers}");
    }
}
