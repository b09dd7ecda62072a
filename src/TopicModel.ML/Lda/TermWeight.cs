namespace TopicModel.ML.Lda;

/// <summary>A term and its probability under a topic.</summary>
public readonly record struct TermWeight(string Term, double Weight);
