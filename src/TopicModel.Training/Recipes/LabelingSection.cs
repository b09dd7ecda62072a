namespace TopicModel.Training.Recipes;

/// <summary>How papers get weak labels from the taxonomy.</summary>
/// <param name="LabelModel">"generative" (Dawid–Skene EM) or "majority" (vote).</param>
/// <param name="TitleWeight">How much a keyword hit in the title counts relative to one in the abstract.</param>
/// <param name="FallbackTopic">Topic for papers on which every labeling function abstains.</param>
public sealed record LabelingSection(string LabelModel, double TitleWeight, string FallbackTopic);
