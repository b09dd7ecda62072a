namespace TopicModel.DataPrep.Labeling;

/// <summary>The part of a paper a labeling function reads.</summary>
public enum PaperField
{
    Title,
    Abstract,
}
