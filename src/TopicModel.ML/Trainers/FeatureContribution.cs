namespace TopicModel.ML.Trainers;

/// <summary>How much one feature moved a prediction toward a class (in the model's score units).</summary>
public readonly record struct FeatureContribution(int Feature, float Contribution);
