namespace TopicModel.DataPrep.Ingestion;

/// <summary>How an input is laid out. <see cref="Auto"/> picks by extension, or sniffs stdin.</summary>
public enum InputFormat
{
    /// <summary>By extension (.txt/.md digest, .jsonl/.ndjson, .csv); for stdin, by the first non-blank character.</summary>
    Auto,
    /// <summary>A daily papers page dumped as text: header lines, then a title line and an abstract line per paper.</summary>
    Digest,
    /// <summary>One JSON object per line with <c>title</c> and <c>abstract</c>, optional <c>id</c> and <c>date</c>.</summary>
    Jsonl,
    /// <summary>A CSV file with a header row naming <c>title</c> and <c>abstract</c> columns (optional <c>id</c>, <c>date</c>).</summary>
    Csv,
}
