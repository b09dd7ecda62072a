namespace TopicModel.ML.Lda;

/// <summary>Coherence per topic and averaged over topics (higher is more coherent for both measures).</summary>
public sealed record CoherenceScores(IReadOnlyList<double> UMassPerTopic, IReadOnlyList<double> NpmiPerTopic, double UMass, double Npmi);
