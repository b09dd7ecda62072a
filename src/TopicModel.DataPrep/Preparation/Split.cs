namespace TopicModel.DataPrep.Preparation;

/// <summary>Which part of the recipe's data a paper came from. Splits are by digest, never by paper.</summary>
public enum Split
{
    Train,
    HeldOut,
    Unlabeled,
}
