namespace TopicModel.DataPrep.Labeling;

/// <summary>How many papers a label source put in one topic, and their share of the labeled papers.</summary>
public sealed record TopicCount(string Topic, int Count, double Share);
