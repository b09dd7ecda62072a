namespace TopicModel.Training.Pipelines;

/// <summary>
/// What a distilled student learns for each unlabeled pool paper: a teacher's probabilities over the topics
/// (<see cref="Probabilities"/>[i] for <see cref="TrainingCorpus.Pool"/>[i]); topics below <see cref="MinProbability"/>
/// are left out, so near-zero mass does not multiply the examples. With <see cref="Hard"/> each paper learns only the
/// teacher's most probable topic (a pseudo-label), at full pool weight, if that topic's probability reaches <see cref="MinProbability"/>.
/// </summary>
public sealed record PoolTargets(float[][] Probabilities, float MinProbability, bool Hard = false);
