using TopicModel.ML.Metrics;

namespace TopicModel.Evaluation.Harness;

/// <summary>Two models on the same papers: the paired bootstrap and McNemar's test, and a one-line verdict.</summary>
public sealed record ModelComparison(string BaselineName, string CandidateName, PairedComparisonResult Result, string Verdict);
