using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Labeling;

namespace TopicModel.DataPrep.Preparation;

/// <summary>Everything data preparation reads: the files per split, reviewed labels, taxonomy and labeling settings.</summary>
/// <param name="ReviewedLabels">Reviewed-label JSONL files or folders of them; missing folders are fine, missing files are not.</param>
/// <param name="LabelModel">"generative" or "majority": which label model's output becomes the weak label.</param>
public sealed record PrepInputs(
    string TaxonomyPath,
    IReadOnlyList<string> Train,
    IReadOnlyList<string> HeldOut,
    IReadOnlyList<string> Unlabeled,
    IReadOnlyList<string> ReviewedLabels,
    LabelingOptions Labeling,
    string LabelModel = "majority",
    ReaderOptions? Reader = null);
