using TopicModel.Embeddings;

namespace TopicModel.Training.Pipelines;

/// <summary>Every document of a <see cref="TrainingCorpus"/> (in <see cref="TrainingCorpus.Documents"/> order) embedded by one encoder.</summary>
public sealed record DocumentEmbeddings(SentenceEncoder Encoder, float[][] Vectors);
