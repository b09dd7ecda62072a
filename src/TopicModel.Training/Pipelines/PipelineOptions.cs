using System.Text.Json.Nodes;
using TopicModel.ML.Text;
using TopicModel.ML.Trainers;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// One complete pipeline: how text is featurized, which trainer with which hyperparameters, and how
/// the taxonomy's rules, the unlabeled pool and the taxonomy text take part. A point of the AutoML
/// search space maps to one of these (<see cref="AutoML.PipelineSearchSpace"/>).
/// </summary>
public sealed record PipelineOptions
{
    public TextFeaturizerOptions Featurizer { get; init; } = new() { FieldNames = ["title", "abstract"] };

    public string Trainer { get; init; } = SdcaMaximumEntropy.TrainerName;

    /// <summary>The trainer's options as the recipe's trainer section would give them (read by the trainer catalog).</summary>
    public JsonObject TrainerOptions { get; init; } = [];

    /// <summary>Scale of the rule features appended to the text features; 0 leaves them out.</summary>
    public float RuleWeight { get; init; }

    /// <summary>Share of the rules' own vote in the final probabilities (0 = the model alone).</summary>
    public float LabelModelBlend { get; init; }

    /// <summary>Example weight of training papers labeled by the rules only (reviewed papers weigh 1); 0 leaves them out.</summary>
    public float WeakLabelWeight { get; init; } = 1f;

    /// <summary>Example weight of unlabeled-pool papers with their weak labels; 0 leaves them out.</summary>
    public float PoolWeight { get; init; }

    /// <summary>
    /// Self-training: after a first fit, pool papers the model labels with at least this probability
    /// join the training data with that label and weight <see cref="SelfTrainingWeight"/>, and the
    /// model is fitted again. 0 turns it off.
    /// </summary>
    public float SelfTrainingThreshold { get; init; }

    public float SelfTrainingWeight { get; init; } = 0.5f;

    /// <summary>
    /// Reweights the labeled and pool examples together by (topic weight / largest topic weight)^−ClassBalance,
    /// rescaled so their total weight is unchanged: 0 keeps the data's topic mix, 1 gives every topic the same
    /// total weight (scikit-learn's class_weight="balanced" over everything it trains on). Macro-F1 counts small
    /// topics as much as large ones.
    /// </summary>
    public float ClassBalance { get; init; }

    /// <summary>Example weight of one pseudo-paper per topic written from its name, description and keywords; 0 leaves them out.</summary>
    public float TaxonomyPriorWeight { get; init; }

    /// <summary>
    /// Scale of the paper's LDA topic mixture appended to the features (the recipe's topic model, its topics seeded
    /// from the taxonomy's keywords, so they carry the keywords' meaning to words the rules do not list); 0 leaves it out.
    /// </summary>
    public float TopicFeatureWeight { get; init; }

    /// <summary>The sentence encoder whose vector of the paper is appended (a <see cref="Embeddings.SentenceEncoderCatalog"/> name), or null for none.</summary>
    public string? Encoder { get; init; }

    /// <summary>Scale of the (unit-length) sentence vector appended to the features; used only with an <see cref="Encoder"/>.</summary>
    public float EmbeddingWeight { get; init; }

    /// <summary>
    /// How many of the two ways the rules' judgement enters the model this pipeline uses: rule features and the blend with
    /// the rules' vote. The rules were written by reading papers of the training period, so leaning on them fits that
    /// period in a way folds drawn from the same period cannot show; the one-standard-error selection
    /// (<see cref="ML.AutoML.OneStandardErrorRule"/>) takes this as a pipeline's complexity.
    /// </summary>
    public int RuleParts => (RuleWeight > 0 ? 1 : 0) + (LabelModelBlend > 0 ? 1 : 0);
}
