using TopicModel.ML;

namespace TopicModel.Training.Scoring;

/// <summary>Which <see cref="OutputFormat"/> an output gets: the one named, else its file extension's; an unknown extension is an error, not JSONL.</summary>
public static class OutputFormats
{
    /// <param name="name">The format the user named (--format), or null.</param>
    /// <param name="path">The output path; "-" is standard output (JSONL unless named).</param>
    public static OutputFormat Resolve(string? name, string path)
    {
        if (name is not null)
        {
            return name.ToLowerInvariant() switch
            {
                "jsonl" => OutputFormat.Jsonl,
                "csv" => OutputFormat.Csv,
                "parquet" => OutputFormat.Parquet,
                _ => throw new TopicModelException($"--format: expected jsonl, csv or parquet, got '{name}'"),
            };
        }
        if (path == "-") return OutputFormat.Jsonl;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => OutputFormat.Jsonl,
            ".csv" => OutputFormat.Csv,
            ".parquet" => OutputFormat.Parquet,
            "" => throw new TopicModelException("the output has no extension to tell its format: name it .jsonl, .csv or .parquet, or give --format", path),
            var ext => throw new TopicModelException($"unknown output extension '{ext}': use .jsonl, .csv or .parquet, or give --format", path),
        };
    }
}
