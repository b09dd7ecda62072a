namespace TopicModel.Training.Scoring;

public enum OutputFormat
{
    Jsonl,
    Csv,
    /// <summary>Columnar (Parquet.Net); written whole, so an interrupted run keeps no partial output of it.</summary>
    Parquet,
}
