namespace TopicModel.DataPrep.Labeling;

/// <summary>Where a training label came from; written lower-case ("reviewed", "weak") in outputs.</summary>
public enum LabelSource
{
    Weak,
    Reviewed,
}
