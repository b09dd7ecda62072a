namespace TopicModel.Training.Recipes;

/// <summary>How dev metrics are measured on the training data: stratified k-fold cross-validation.</summary>
public sealed record ValidationSection(int Folds);
