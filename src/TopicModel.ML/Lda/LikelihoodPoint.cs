namespace TopicModel.ML.Lda;

/// <summary>Log joint likelihood log p(w, z) of the training corpus after a sweep, total and per token.</summary>
public readonly record struct LikelihoodPoint(int Iteration, double LogLikelihood, double PerToken);
