namespace TopicModel.ML.Lda;

/// <summary>How <see cref="LdaModel"/> folds a new document in (infers its topic mixture with the topics fixed).</summary>
public enum LdaInference
{
    /// <summary>
    /// Collapsed Gibbs sampling of the document's topics, <see cref="LatentDirichletAllocationOptions.InferenceIterations"/>
    /// sweeps, with a Rao-Blackwellised estimate after burn-in; seeded by the model seed and the document's words.
    /// Every bundle written before <see cref="Cvb0"/> existed uses it.
    /// </summary>
    Gibbs = 0,

    /// <summary>
    /// Zero-order collapsed variational Bayes (CVB0, Asuncion et al. 2009): per distinct word a topic distribution
    /// q_w(t) ∝ φ_tw (α_t + n_t − q_w(t)), iterated to a fixed point, no random numbers. Per document O(distinct words
    /// × topics) per iteration instead of a draw per token per sweep.
    /// </summary>
    Cvb0 = 1,
}
