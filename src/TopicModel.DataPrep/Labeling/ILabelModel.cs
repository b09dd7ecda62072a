namespace TopicModel.DataPrep.Labeling;

/// <summary>An estimator that turns labeling-function votes into probabilistic labels.</summary>
public interface ILabelModel
{
    /// <summary>Short name used in reports ("MajorityVote", "Generative").</summary>
    string Name { get; }

    IFittedLabelModel Fit(LabelMatrix matrix);
}
