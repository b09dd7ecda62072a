namespace TopicModel.Evaluation.Harness;

/// <summary>A feature (word, n-gram or char-gram) and how much it added to a topic's score.</summary>
public sealed record TermContribution(string Term, double Contribution);
