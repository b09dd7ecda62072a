namespace TopicModel.Training.Recipes;

/// <summary>How papers get weak labels from the taxonomy.</summary>
/// <param name="LabelModel">"majority" (weighted vote; the default, it agrees best with reviewed labels on the seed data) or "generative" (Dawid–Skene EM).</param>
/// <param name="TitleWeight">How much a keyword hit in the title counts relative to one in the abstract.</param>
/// <param name="FallbackTopic">Topic for papers on which every labeling function abstains.</param>
public sealed record LabelingSection(string LabelModel, double TitleWeight, string FallbackTopic);
