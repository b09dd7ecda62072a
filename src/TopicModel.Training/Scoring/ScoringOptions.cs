using TopicModel.DataPrep.Ingestion;

namespace TopicModel.Training.Scoring;

/// <param name="Top">How many best topics each record lists.</param>
/// <param name="BatchSize">Records per parallel batch; memory holds a few batches at most.</param>
/// <param name="DegreeOfParallelism">Worker threads; 0 = all cores.</param>
/// <param name="TopicMixture">Add each paper's LDA topic mixture when the bundle has a topic model.</param>
/// <param name="Shard">Score only this shard's part of the inputs (<see cref="ShardPlan"/>); null scores them all.</param>
/// <param name="TopicSets">How probabilities become a record's <c>topics</c> (the bundle's thresholds); null: the primary alone.</param>
/// <param name="Header">Start the output with its header (CSV); off when continuing an output that has one.</param>
public sealed record ScoringOptions(
    OutputFormat Format = OutputFormat.Jsonl,
    int Top = 3,
    int BatchSize = 1024,
    int DegreeOfParallelism = 0,
    ReaderOptions? Reader = null,
    bool TopicMixture = true,
    Shard? Shard = null,
    bool Header = true,
    ML.MultiLabel.TopicThresholds? TopicSets = null);
