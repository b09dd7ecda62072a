namespace TopicModel.Evaluation.Leakage;

/// <summary>Why an evaluation paper counts as seen in training; written camelCase in metrics.json.</summary>
public enum LeakageKind
{
    /// <summary>Same paper id: the normalized titles are equal.</summary>
    SameTitle,

    /// <summary>Different title, but title + abstract share most of their word shingles.</summary>
    NearDuplicate,
}
