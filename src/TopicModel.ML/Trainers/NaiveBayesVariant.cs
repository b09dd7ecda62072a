namespace TopicModel.ML.Trainers;

/// <summary>Which naive Bayes event model <see cref="NaiveBayes"/> fits.</summary>
public enum NaiveBayesVariant
{
    /// <summary>Each class is a distribution over features estimated from its own documents.</summary>
    Multinomial,

    /// <summary>
    /// Each class is scored against the distribution of all other classes' documents (Rennie et al. 2003),
    /// which has far more data per estimate and so suffers less from skewed class sizes.
    /// </summary>
    Complement,
}
