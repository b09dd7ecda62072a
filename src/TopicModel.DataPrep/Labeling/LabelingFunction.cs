namespace TopicModel.DataPrep.Labeling;

/// <summary>
/// A keyword rule for one topic on one field: votes <see cref="TopicIndex"/> when enough of its
/// keywords occur as whole words (or their inflections), abstains otherwise.
/// </summary>
/// <param name="Name">Unique name, "field:topic" (e.g. "title:reasoning").</param>
/// <param name="Weight">Vote weight used by the majority vote.</param>
public sealed record LabelingFunction(
    string Name,
    string TopicId,
    int TopicIndex,
    PaperField Field,
    IReadOnlyList<string> Keywords,
    double Weight);
