namespace TopicModel.Training.Scoring;

public readonly record struct TopicProbability(string Topic, float Probability);
