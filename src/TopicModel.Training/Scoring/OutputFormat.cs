namespace TopicModel.Training.Scoring;

public enum OutputFormat
{
    Jsonl,
    Csv,
}
