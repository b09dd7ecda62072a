namespace TopicModel.Evaluation.Tests.Charts;

/// <summary>One reviewed label from data/labels/*.jsonl.</summary>
internal sealed record LabeledPaper(string Title, string Topic, IReadOnlyList<string> Secondary);
