namespace TopicModel.DataPrep.Taxonomies;

/// <summary>One topic of the taxonomy; keywords seed the labeling functions.</summary>
public sealed record Topic(string Id, string Name, string Description, IReadOnlyList<string> Keywords);
