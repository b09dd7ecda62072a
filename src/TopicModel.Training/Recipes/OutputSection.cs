namespace TopicModel.Training.Recipes;

/// <summary>Where trained bundles and reports are written.</summary>
public sealed record OutputSection(string ModelsDirectory, string ModelName, string ReportsDirectory);
